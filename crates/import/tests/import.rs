//! Reading registers: CSV and XLSX, and every kind of bad file or row, each reported
//! by row and column with nothing made up.
// Tests may panic on anything unexpected: that is how they fail.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use coproduce_domain::equality::EthnicGroup;
use coproduce_domain::needs::Need;
use coproduce_domain::person::{Language, PersonRole};
use coproduce_domain::text::Problem;
use coproduce_import::{Choices, Field, MAX_BYTES, Report, ValueMap, dry_run, parse_override};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
}

fn run(bytes: &[u8]) -> Report {
    dry_run(bytes, 1, &Choices::default(), today())
}

/// The problems as "row, column: code" lines, for comparing.
fn problems(r: &Report) -> Vec<String> {
    r.problems
        .iter()
        .map(|p| {
            format!(
                "{}, {}: {}",
                p.row.map_or("-".into(), |r| r.to_string()),
                p.column.clone().unwrap_or_else(|| "-".into()),
                p.problem.code()
            )
        })
        .collect()
}

#[test]
fn a_clean_csv_is_read_with_its_header_matched() {
    let csv = "Full name,E-mail,Mobile,Post code,Role,Languages,Needs,DOB,Ethnicity\n\
               Amara Okafor,Amara@Example.org,07700 900123,e8 1ey,Carer; Expert by experience,English; Yoruba,Easy Read; step-free,1980-02-29,Black African\n\
               ,,,,,,,,\n\
               Bill Hughes,bill@example.org,,,,Polish,,27/03/1955,N\n";
    let r = run(csv.as_bytes());
    assert_eq!(problems(&r), Vec::<String>::new());
    assert_eq!(r.header_row, 1);
    assert_eq!(r.blank_rows, 1);
    assert_eq!(r.rows.len(), 2);
    let amara = &r.rows[0];
    assert_eq!(amara.row, 2);
    assert_eq!(amara.profile.email.as_deref(), Some("amara@example.org"));
    assert_eq!(amara.profile.postcode.as_deref(), Some("E8 1EY"));
    assert_eq!(amara.profile.roles.len(), 2);
    assert_eq!(
        amara.needs,
        vec![(Need::EasyRead, None), (Need::StepFree, None)]
    );
    assert_eq!(r.rows[1].ethnic_group, Some(EthnicGroup::African));
    assert_eq!(
        r.rows[1].profile.born_on,
        NaiveDate::from_ymd_opt(1955, 3, 27)
    );
    assert!(r.columns.iter().all(|(_, f)| f.is_some()));
}

#[test]
fn every_bad_value_is_named_by_row_and_column() {
    let csv = "Name,Email,Phone,Postcode,Date of birth,Ethnic group,Needs,Guardian\n\
               Ann,ann-at-example,12345,LE1,31/02/1990,Martian,telepathy,\n\
               Joseph Adeyemi,,,,2012-05-01,,,\n\
               ,carl@example.org,,,,,,\n";
    let r = run(csv.as_bytes());
    assert!(r.rows.is_empty());
    assert_eq!(
        problems(&r),
        [
            "2, Date of birth: no-such-date",
            "2, Ethnic group: not-known",
            "2, Needs: not-known",
            "2, Email: not-email",
            "2, Phone: not-phone",
            "2, Postcode: not-postcode",
            "3, Guardian: needs-guardian-consent",
            "4, Name: empty",
        ]
    );
    let shown = r.problems[3].to_string();
    assert_eq!(
        shown,
        "row 2, column \"Email\": \"ann-at-example\" is not an email address, like name@example.org"
    );
}

#[test]
fn a_guardian_named_lets_a_young_person_in() {
    let csv = "Name,Date of birth,Parent or guardian\nJoseph Adeyemi,2012-05-01,Grace Adeyemi\n";
    let r = run(csv.as_bytes());
    assert_eq!(problems(&r), Vec::<String>::new());
    assert_eq!(r.rows[0].guardian.as_deref(), Some("Grace Adeyemi"));
}

#[test]
fn rows_are_numbered_as_the_file_has_them_past_blank_lines() {
    let csv = "Our network\n\nName,Email\nAnn,ann@example.org\n\n\nBob,bob@example\n";
    let r = run(csv.as_bytes());
    assert_eq!(r.header_row, 3);
    assert_eq!(r.rows[0].row, 4);
    assert_eq!(problems(&r), ["7, Email: not-email"]);
}

#[test]
fn the_same_person_twice_in_a_file_is_reported() {
    let csv = "Name,Email,Phone\nAnn,ann@example.org,\nAnnie,ANN@example.org,\nBob,,020 7946 0000\nRob,,02079460000\n";
    let r = run(csv.as_bytes());
    assert_eq!(
        problems(&r),
        ["3, Email: same-as-row", "5, Phone: same-as-row"]
    );
    assert_eq!(r.rows.len(), 2);
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    assert_eq!(problems(&run(b"")), ["-, -: file-empty"]);
    assert_eq!(
        problems(&run(b"%PDF-1.7\n%\xe2\xe3")),
        ["-, -: not-spreadsheet"]
    );
    // A ZIP that is not a workbook, renamed .xlsx.
    assert_eq!(
        problems(&run(b"PK\x03\x04not really a zip at all")),
        ["-, -: not-spreadsheet"]
    );
    let huge = vec![b'a'; MAX_BYTES + 1];
    assert_eq!(problems(&run(&huge)), ["-, -: file-too-large"]);
    assert_eq!(
        problems(&run(b"just,some,words\n1,2,3\n")),
        ["-, -: no-header-row"]
    );
}

#[test]
fn thousands_of_rows_are_read() {
    let mut csv = String::from("Name,Email\n");
    for i in 0..5000 {
        csv.push_str(&format!("Person {i},person{i}@example.org\n"));
    }
    let r = run(csv.as_bytes());
    assert_eq!(r.rows.len(), 5000);
    assert!(r.problems.is_empty());
    assert_eq!(r.rows[4999].row, 5001);
}

#[test]
fn overrides_match_columns_the_headers_do_not() {
    let csv = "Who,Contact\nAnn,ann@example.org\n";
    assert_eq!(problems(&run(csv.as_bytes())), ["-, -: no-header-row"]);
    let choices = Choices {
        columns: vec![
            parse_override("Who=name").unwrap(),
            parse_override("contact=email").unwrap(),
        ],
        values: vec![],
    };
    let r = dry_run(csv.as_bytes(), 1, &choices, today());
    assert_eq!(r.rows[0].profile.email.as_deref(), Some("ann@example.org"));
    assert!(parse_override("Who=wizard").is_err());
    assert!(parse_override("no equals sign").is_err());
    assert_eq!(
        parse_override("Notes=ignore").unwrap(),
        ("Notes".into(), None)
    );
    assert_eq!(Field::parse("born_on"), Some(Field::BornOn));
}

#[test]
fn an_xlsx_with_a_title_formulas_dates_and_merged_cells() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    // A title above the table, merged across columns: not a problem.
    sheet
        .merge_range(0, 0, 0, 3, "Our network, June 2026", &Format::new())
        .unwrap();
    for (c, h) in ["Name", "Email", "Date of birth", "Role"]
        .iter()
        .enumerate()
    {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    // Row 4: a name worked out by a formula, a real date.
    sheet
        .write_formula(
            3,
            0,
            Formula::new("=CONCATENATE(\"Ann\",\" Lee\")").set_result("Ann Lee"),
        )
        .unwrap();
    sheet.write_string(3, 1, "ann@example.org").unwrap();
    sheet
        .write_datetime_with_format(3, 2, ExcelDateTime::from_ymd(1980, 2, 29).unwrap(), &date)
        .unwrap();
    sheet.write_string(3, 3, "Patient").unwrap();
    // Row 5: a date stored as an Excel serial number, with no date format.
    sheet.write_string(4, 0, "Bill Hughes").unwrap();
    let serial = (NaiveDate::from_ymd_opt(1955, 3, 27).unwrap()
        - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap())
    .num_days();
    sheet.write_number(4, 2, serial as f64).unwrap();
    // A blank row, then rows 7 and 8 merged in the Role column.
    sheet.write_string(6, 0, "Chen Wei").unwrap();
    sheet.write_string(7, 0, "Dafydd Morgan").unwrap();
    sheet
        .merge_range(6, 3, 7, 3, "Carer", &Format::new())
        .unwrap();
    let bytes = book.save_to_buffer().unwrap();

    let r = run(&bytes);
    assert_eq!(r.header_row, 3);
    assert_eq!(r.blank_rows, 1);
    assert_eq!(problems(&r), ["7, Role: merged-cells"]);
    assert_eq!(r.rows[0].profile.name, "Ann Lee");
    assert_eq!(
        r.rows[0].profile.born_on,
        NaiveDate::from_ymd_opt(1980, 2, 29)
    );
    assert_eq!(
        r.rows[1].profile.born_on,
        NaiveDate::from_ymd_opt(1955, 3, 27)
    );
    assert!(
        r.problems[0]
            .to_string()
            .contains("cells are merged across rows 7 to 8")
    );
}

#[test]
fn an_xlsx_error_cell_is_reported() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Name").unwrap();
    sheet.write_string(0, 1, "Email").unwrap();
    sheet
        .write_formula(1, 0, Formula::new("=#REF!").set_result("#REF!"))
        .unwrap();
    let r = run(&book.save_to_buffer().unwrap());
    assert_eq!(r.rows.len(), 0);
    assert!(
        problems(&r)[0].starts_with("2, Name:"),
        "{:?}",
        problems(&r)
    );
    let _ = Problem::CellError(String::new());
}

#[test]
fn a_register_as_a_team_keeps_it_is_read_whole() {
    let csv = "First name,Surname,Known as,E-mail address,Tel,D.O.B.,Ethnicity,Access needs,First language,Category,Date joined,Newsletter\n\
               Amara,Okafor,,amara@example.org,07700 900123,31/01/1980,\"Black, Black British, Caribbean or African: African\",\"BSL interpreter; Large print 24pt\",English,Service users,01/03/2024,ticked\n\
               Piotr,Nowak,Piotr,piotr@example.org,,1 Feb 1955,\"White: English, Welsh, Scottish, Northern Irish or British\",Polish interpreter,Polish,Carers,2024-03-01,\n\
               Mary-Jane,O'Connor,,mj@example.org,,,N,Braille,,carer,,\n\
               Zoë,Brontë-Smith,,zoe@example.org,,,,Wheelchair user / Hearing loop,,Expert by experience,,\n\
               Madonna,,,madonna@example.org,,,,,,,,\n";
    let r = run(csv.as_bytes());
    assert_eq!(problems(&r), Vec::<String>::new());
    let names: Vec<&str> = r.rows.iter().map(|p| p.profile.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Amara Okafor",
            "Piotr Nowak",
            "Mary-Jane O'Connor",
            "Zoë Brontë-Smith",
            "Madonna"
        ]
    );
    let amara = &r.rows[0];
    assert_eq!(amara.ethnic_group, Some(EthnicGroup::African));
    assert_eq!(
        amara.needs,
        [(Need::BslInterpreter, None), (Need::LargePrint24, None)]
    );
    assert_eq!(amara.profile.born_on, NaiveDate::from_ymd_opt(1980, 1, 31));
    assert_eq!(amara.joined_on, NaiveDate::from_ymd_opt(2024, 3, 1));
    let piotr = &r.rows[1];
    assert_eq!(piotr.ethnic_group, Some(EthnicGroup::WhiteBritish));
    assert_eq!(
        piotr.needs,
        [(Need::SpokenInterpreter, Some(Language::Polish))]
    );
    assert_eq!(piotr.profile.born_on, NaiveDate::from_ymd_opt(1955, 2, 1));
    assert!(piotr.profile.roles.contains(&PersonRole::Carer));
    assert_eq!(r.rows[2].needs, [(Need::BrailleGrade2, None)]);
    assert_eq!(
        r.rows[3].needs,
        [(Need::StepFree, None), (Need::HearingLoop, None)]
    );
    let field = |h: &str| r.columns.iter().find(|(c, _)| c == h).and_then(|(_, f)| *f);
    assert_eq!(field("First name"), Some(Field::FirstName));
    assert_eq!(field("Surname"), Some(Field::Surname));
    assert_eq!(field("Known as"), Some(Field::PreferredName));
    assert_eq!(field("Date joined"), Some(Field::JoinedOn));
    assert_eq!(
        field("Newsletter"),
        None,
        "a column Coproduce has no field for is left out"
    );
}

#[test]
fn a_name_column_beside_first_name_and_surname() {
    let csv = "Name,First name,Surname\n\
               \"Okafor, Amara\",Amara,Okafor\n\
               ,Bill,Hughes\n\
               Cara Lee,,\n";
    let r = run(csv.as_bytes());
    assert_eq!(problems(&r), Vec::<String>::new());
    let names: Vec<&str> = r.rows.iter().map(|p| p.profile.name.as_str()).collect();
    assert_eq!(names, ["Amara Okafor", "Bill Hughes", "Cara Lee"]);
    let none = run(b"Name,First name,Surname,Email\n,,,x@example.org\n");
    assert_eq!(problems(&none), ["2, Name: empty"]);
}

#[test]
fn a_header_repeated_in_the_data_is_skipped() {
    let csv = "Name,Email\nAnn,ann@example.org\nName,Email\nBill,bill@example.org\n";
    let r = run(csv.as_bytes());
    assert_eq!(problems(&r), Vec::<String>::new());
    assert_eq!(r.rows.len(), 2);
    assert_eq!(r.repeated_headers, 1);
    assert_eq!(r.rows[1].row, 4);
}

#[test]
fn every_problem_on_a_row_is_named_and_a_day_that_cannot_be() {
    let csv = "Name,DOB,Needs,Ethnicity,Role\n\
               Ann,29/02/2023,telepathy,Martian,astronaut\n";
    let r = run(csv.as_bytes());
    assert_eq!(
        problems(&r),
        [
            "2, DOB: no-such-date",
            "2, Needs: not-known",
            "2, Ethnicity: not-known",
            "2, Role: not-known"
        ]
    );
    let shown = r.problems[0].to_string();
    assert_eq!(
        shown,
        "row 2, column \"DOB\": \"29/02/2023\" is not a real date: that month has no such day"
    );
    // An unknown value is named without every entry after it.
    let need = r.problems[1].to_string();
    assert_eq!(
        need,
        "row 2, column \"Needs\": Coproduce does not know the need \"telepathy\""
    );
}

#[test]
fn fifty_thousand_rows_with_three_unknown_values_give_a_short_report() {
    let mut csv = String::from("Name,Email,Access needs\n");
    let odd = ["Sign lang.", "Big writing", "Loop sys"];
    for i in 0..50_000 {
        csv.push_str(&format!("Person {i},p{i}@example.org,{}\n", odd[i % 3]));
    }
    let r = run(csv.as_bytes());
    assert_eq!(r.problems.len(), 50_000);
    let groups = r.groups();
    assert_eq!(groups.len(), 3, "{groups:?}");
    assert_eq!(groups[0].rows.len(), 16_667);
    assert_eq!(
        groups[0].to_string(),
        "Access needs: Coproduce does not know the need \"Sign lang.\" (on 16667 rows: 2, 5, 8, 11, 14, ...)"
    );
    let unknown = r.unknown_values();
    assert_eq!(unknown.len(), 3);
    assert_eq!(unknown[0].value, "Sign lang.");
    assert_eq!(unknown[0].field, Some(Field::Needs));
    // Mapped, every row reads.
    let choices = Choices {
        columns: vec![],
        values: vec![
            ValueMap::parse("Access needs:Sign lang.=bsl-interpreter").unwrap(),
            ValueMap::parse("access needs:big writing=Large print").unwrap(),
            ValueMap::parse("Access needs:Loop sys=ignore").unwrap(),
        ],
    };
    let r = dry_run(csv.as_bytes(), 1, &choices, today());
    assert_eq!(problems(&r), Vec::<String>::new());
    assert_eq!(r.rows.len(), 50_000);
    assert_eq!(r.rows[0].needs, [(Need::BslInterpreter, None)]);
    assert_eq!(r.rows[1].needs, [(Need::LargePrint20, None)]);
    assert!(r.rows[2].needs.is_empty());
}

#[test]
fn value_maps_that_cannot_apply_are_named_once() {
    let csv = "Name,Needs\nAnn,Sign lang.\n";
    let choices = Choices {
        columns: vec![],
        values: vec![
            ValueMap::parse("Needs:Sign lang.=telepathy").unwrap(),
            ValueMap::parse("Diet:Vegan=ignore").unwrap(),
        ],
    };
    let r = dry_run(csv.as_bytes(), 1, &choices, today());
    assert_eq!(
        problems(&r),
        [
            "-, Needs: not-known",
            "-, Diet: no-such-column",
            "2, Needs: not-known"
        ]
    );
    let groups: Vec<String> = r.groups().iter().map(ToString::to_string).collect();
    assert_eq!(
        groups,
        [
            "Diet: the file has no column \"Diet\"",
            "Needs: Coproduce does not know the need \"telepathy\" (row 2)"
        ]
    );
}

#[test]
fn csv_as_excel_saves_it_windows_1252_and_semicolons() {
    // "Zoë" and "£5 voucher" as Windows-1252 bytes, separated by semicolons.
    let mut bytes = b"Name;Email;Organisation\n".to_vec();
    bytes.extend_from_slice(b"Zo\xeb Br\xf6nte;zoe@example.org;\xa35 voucher \x96 caf\xe9\n");
    let r = run(&bytes);
    assert_eq!(problems(&r), Vec::<String>::new());
    assert_eq!(r.rows[0].profile.name, "Zoë Brönte");
    assert_eq!(
        r.rows[0].profile.affiliations.as_deref(),
        Some("£5 voucher – café")
    );
    let semicolons = run("Name;Email\n\"Okafor; Amara\";amara@example.org\n".as_bytes());
    assert_eq!(problems(&semicolons), Vec::<String>::new());
    assert_eq!(semicolons.rows[0].profile.name, "Okafor; Amara");
}

#[test]
fn a_workbook_whose_first_sheet_is_empty() {
    let mut book = Workbook::new();
    book.add_worksheet().set_name("Notes").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("Register").unwrap();
    sheet.write(0, 0, "First name").unwrap();
    sheet.write(0, 1, "Surname").unwrap();
    sheet.write(1, 0, "Ann").unwrap();
    sheet.write(1, 1, "Smith").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let r = run(&bytes);
    assert_eq!(problems(&r), Vec::<String>::new());
    assert_eq!(r.rows[0].profile.name, "Ann Smith");
}

#[test]
fn the_same_person_twice_is_named_even_on_a_row_with_other_problems() {
    let csv = "Name,Email,Phone,Postcode\n\
               Ann,ann@example.org,07700 900123,LE1 6WW\n\
               Ann again,ANN@example.org,,not a postcode\n\
               Ann's phone,,07700900123,\n";
    let r = run(csv.as_bytes());
    assert_eq!(
        problems(&r),
        [
            "3, Postcode: not-postcode",
            "3, Email: same-as-row",
            "4, Phone: same-as-row"
        ]
    );
    assert_eq!(r.contacts.len(), 3);
    assert_eq!(r.contacts[1].email.as_deref(), Some("ann@example.org"));
    assert_eq!(r.contacts[2].phone_digits.as_deref(), Some("07700900123"));
}

#[test]
fn a_day_joined_in_the_future_is_refused() {
    let r = run(b"Name,Date joined\nAnn,01/01/2030\nBill,01/01/2020\n");
    assert_eq!(problems(&r), ["2, Date joined: in-future"]);
    assert_eq!(r.rows[0].joined_on, NaiveDate::from_ymd_opt(2020, 1, 1));
}

/// The example register in the documentation reads as the README says: everyone
/// but one value, which the user maps.
#[test]
fn the_example_register_reads_once_one_value_is_mapped() {
    let bytes = include_bytes!("../../../docs/examples/network-register.csv");
    let r = run(bytes);
    assert_eq!(problems(&r), ["9, Access needs: not-known"]);
    assert_eq!(r.header_row, 3);
    let choices = Choices {
        columns: vec![],
        values: vec![ValueMap::parse("Access needs:Sign lang.=bsl-interpreter").unwrap()],
    };
    let r = dry_run(bytes, 1, &choices, today());
    assert_eq!(problems(&r), Vec::<String>::new());
    assert_eq!(r.rows.len(), 6);
}
