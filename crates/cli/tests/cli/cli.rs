//! The `coproduce` command as a person runs it: real processes, real files, real
//! databases.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn coproduce(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coproduce"))
        .args(args)
        .current_dir(dir)
        .env_remove("DATABASE_URL")
        .output()
        .expect("run coproduce")
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn workdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("coproduce-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_command_has_help_with_examples() {
    let dir = workdir("help");
    for args in [
        vec!["--help"],
        vec!["serve", "--help"],
        vec!["migrate", "--help"],
        vec!["demo", "--help"],
        vec!["openapi", "--help"],
        vec!["charter", "templates", "--help"],
        vec!["charter", "show", "--help"],
        vec!["charter", "export", "--help"],
        vec!["charter", "import", "--help"],
        vec!["import", "people", "--help"],
    ] {
        let o = coproduce(&dir, &args);
        let (out, _) = text(&o);
        assert!(o.status.success(), "{args:?}");
        assert!(out.contains("Example"), "{args:?}: {out}");
    }
}

#[test]
fn bad_database_urls_get_one_line_and_exit_code_2() {
    let dir = workdir("urls");
    for url in [
        "mysql://root@localhost/x",
        "not a url",
        "postgres://postgres@127.0.0.1:1/nothing",
        "postgres://user:secret@[::1",
    ] {
        let o = coproduce(&dir, &["migrate", "--database-url", url]);
        let (_, err) = text(&o);
        assert_eq!(o.status.code(), Some(2), "{url}: {err}");
        assert!(err.starts_with("error: "), "{url}: {err}");
        assert!(!err.contains("panicked"), "{url}: {err}");
        assert!(!err.contains("secret"), "the password never prints: {err}");
    }
}

#[test]
fn a_busy_port_gets_one_line_and_exit_code_2() {
    let dir = workdir("port");
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = busy.local_addr().unwrap().to_string();
    let o = coproduce(&dir, &["serve", "--addr", &addr]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("already in use"), "{err}");
    let o = coproduce(&dir, &["serve", "--addr", "localhost-ish"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn templates_export_import_and_show() {
    let dir = workdir("charters");
    let o = coproduce(&dir, &["charter", "templates"]);
    let (out, _) = text(&o);
    assert_eq!(out.lines().count(), 5, "{out}");
    assert!(out.contains("tlap-ladder"));

    let o = coproduce(
        &dir,
        &["charter", "export", "las-pflas", "--output", "las.toml"],
    );
    assert!(o.status.success(), "{:?}", text(&o));
    let exported = std::fs::read_to_string(dir.join("las.toml")).unwrap();
    let ours = exported
        .replace("version = \"2019\"", "version = \"2027 draft\"")
        .replace("(version 2019)", "(version 2027 draft)");
    std::fs::write(dir.join("ours.toml"), &ours).unwrap();
    let o = coproduce(&dir, &["charter", "import", "ours.toml"]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("version 2027 draft"), "{out}");
    let o = coproduce(&dir, &["charter", "import", "ours.toml"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "the same version twice is refused"
    );

    let o = coproduce(&dir, &["charter", "show", "las-pflas"]);
    let (out, _) = text(&o);
    assert!(
        out.contains("(version 2027 draft)"),
        "the stored version is shown: {out}"
    );
    let o = coproduce(&dir, &["charter", "export", "las-pflas"]);
    let (out, _) = text(&o);
    assert!(out == ours, "export after import gives the same file");
    let o = coproduce(&dir, &["charter", "show", "no-such-charter"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_bad_charter_file_names_line_and_field_and_imports_nothing() {
    let dir = workdir("bad-charter");
    let o = coproduce(
        &dir,
        &["charter", "export", "scie", "--output", "scie.toml"],
    );
    assert!(o.status.success());
    let good = std::fs::read_to_string(dir.join("scie.toml")).unwrap();
    let first_rung_free = good.replacen(
        "kind = \"principle\"",
        "kind = \"principle\"\nrung = \"co-operation\"",
        1,
    );
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "missing.toml",
            good.replacen("title = ", "titel = ", 1),
            "unknown field `titel`",
        ),
        (
            "dup.toml",
            good.replacen("key = \"C1\"", "key = \"I1\"", 1),
            "commitment key \"I1\" is used twice",
        ),
        (
            "rung.toml",
            first_rung_free,
            "unknown rung \"co-operation\"",
        ),
        (
            "broken.toml",
            good.replacen("[charter]", "[charter", 1),
            "line ",
        ),
        ("empty.toml", String::new(), "missing field"),
    ];
    for (name, body, expected) in cases {
        std::fs::write(dir.join(name), body).unwrap();
        let o = coproduce(&dir, &["charter", "import", name]);
        let (_, err) = text(&o);
        assert_eq!(o.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains(expected), "{name}: {err}");
        assert!(err.contains("line "), "{name} names a line: {err}");
        assert!(err.contains("nothing was imported"), "{name}: {err}");
    }
    std::fs::write(dir.join("binary.toml"), [0xff, 0xfe, 0x00, 0x01]).unwrap();
    let o = coproduce(&dir, &["charter", "import", "binary.toml"]);
    assert_eq!(o.status.code(), Some(2));
    let o = coproduce(&dir, &["charter", "import", "missing-file.toml"]);
    assert_eq!(o.status.code(), Some(2));
    // Nothing was stored: `show` still finds only the built-in template.
    let o = coproduce(&dir, &["charter", "show", "scie"]);
    let (out, _) = text(&o);
    assert!(out.contains("version undated"), "{out}");
}

#[test]
fn migrate_then_demo_once() {
    let dir = workdir("demo");
    let o = coproduce(&dir, &["migrate"]);
    assert!(o.status.success(), "{:?}", text(&o));
    assert!(dir.join("coproduce.db").exists());
    let o = coproduce(&dir, &["demo"]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("5 organisations"), "{out}");
    let o = coproduce(&dir, &["demo"]);
    let (_, err) = text(&o);
    assert_eq!(
        o.status.code(),
        Some(2),
        "a second demo load is refused as a database that cannot be used"
    );
    assert!(err.contains("already holds data"), "{err}");
}

#[test]
fn the_first_administrator_is_made_from_the_command_line() {
    let dir = workdir("admin");
    let o = coproduce(
        &dir,
        &[
            "admin",
            "create",
            "--email",
            "Ann@Trust.example",
            "--name",
            "Ann Smith",
            "--public-url",
            "https://coproduce.example/",
        ],
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("ann@trust.example"), "{out}");
    let link = out
        .lines()
        .find(|l| l.starts_with("https://coproduce.example/invitations/cpe_"))
        .unwrap_or_default();
    assert!(!link.is_empty(), "a link to choose a password: {out}");
    let o = coproduce(
        &dir,
        &[
            "admin",
            "create",
            "--email",
            "ann@trust.example",
            "--name",
            "Ann",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "the same email twice is refused");
    let o = coproduce(
        &dir,
        &[
            "admin",
            "create",
            "--email",
            "not-an-email",
            "--name",
            "Ann",
        ],
    );
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(err.contains("--email"), "{err}");
    // With a password on standard input.
    let mut child = Command::new(env!("CARGO_BIN_EXE_coproduce"))
        .args([
            "admin",
            "create",
            "--email",
            "bo@trust.example",
            "--name",
            "Bo",
            "--password-stdin",
        ])
        .current_dir(&dir)
        .env_remove("DATABASE_URL")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"short\n").unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(2), "a weak password is refused");
    assert!(String::from_utf8_lossy(&o.stderr).contains("at least 10 characters"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_coproduce"))
        .args([
            "admin",
            "create",
            "--email",
            "bo@trust.example",
            "--name",
            "Bo",
            "--password-stdin",
        ])
        .current_dir(&dir)
        .env_remove("DATABASE_URL")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"correct horse battery\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("Sign in at http://127.0.0.1:8080/sign-in")
    );
}

#[test]
fn a_register_spreadsheet_is_imported_all_or_nothing() {
    let dir = workdir("import");
    let db = "sqlite:import.db";
    assert!(
        coproduce(&dir, &["demo", "--database-url", db])
            .status
            .success()
    );
    let run = |args: &[&str]| {
        let mut all = vec!["import", "people"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--database-url", db]);
        coproduce(&dir, &all)
    };
    // A file with a bad row: every problem named, exit code 2, nothing stored.
    std::fs::write(
        dir.join("bad.csv"),
        "Our network, 2026\n\nName,Email,Date of birth,Ethnic group\nZara Ahmed,zara@example.org,1970-01-01,Arab\nYoung One,,2015-01-01,\nCarl,carl-at-example,,Martian\n",
    )
    .unwrap();
    let o = run(&["bad.csv", "--organisation", "2"]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(2), "{out}{err}");
    assert!(out.contains("Header: row 3"), "{out}");
    assert!(
        err.contains("row 5, column \"Date of birth\": is under 18"),
        "{err}"
    );
    assert!(
        err.contains("row 6, column \"Email\": \"carl-at-example\" is not an email address"),
        "{err}"
    );
    assert!(
        err.contains(
            "row 6, column \"Ethnic group\": Coproduce does not know the ethnic group \"Martian\""
        ),
        "{err}"
    );
    // The summary first, by column, and each unknown value once, to map.
    assert!(err.contains("what is wrong, by column"), "{err}");
    assert!(
        err.contains("  Ethnic group: \"Martian\" on 1 row"),
        "{err}"
    );
    assert!(err.contains("nothing was imported"), "{err}");
    // The good file, with one person already in the demo register.
    std::fs::write(
        dir.join("good.csv"),
        "Name,E-mail,Who\nZara Ahmed,zara@example.org,Carer\nAmara Okafor,amara.okafor@example.org,Patient\n",
    )
    .unwrap();
    let o = run(&[
        "good.csv",
        "--organisation",
        "2",
        "--map",
        "Who=roles",
        "--dry-run",
    ]);
    let (out, _) = text(&o);
    assert!(o.status.success(), "{out}");
    assert!(
        out.contains("row 3: already in the register as Amara Okafor"),
        "{out}"
    );
    assert!(out.contains("Dry run: 1 people would be added"), "{out}");
    // A network that is not the organisation's: refused, nothing imported.
    let o = run(&[
        "good.csv",
        "--organisation",
        "2",
        "--map",
        "Who=roles",
        "--network",
        "999",
    ]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(2), "{out}{err}");
    assert!(
        err.contains("--network: there is no network with id 999"),
        "{err}"
    );
    let o = run(&["good.csv", "--organisation", "2", "--map", "Who=roles"]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{out}{err}");
    assert!(out.contains("Imported 1 people."), "{out}");
    // Imported again: Zara is now a duplicate too, and no one is added.
    let o = run(&["good.csv", "--organisation", "2", "--map", "Who=roles"]);
    assert!(text(&o).0.contains("No one to add."));
    // Bad arguments.
    for (args, says) in [
        (
            vec!["good.csv", "--organisation", "999"],
            "no organisation with id 999",
        ),
        (vec!["missing.csv", "--organisation", "2"], "missing.csv"),
        (
            vec!["good.csv", "--organisation", "2", "--map", "Who"],
            "--map",
        ),
        (
            vec![
                "good.csv",
                "--organisation",
                "2",
                "--map-value",
                "Who=carer",
            ],
            "--map-value",
        ),
        (
            vec!["good.csv", "--organisation", "2", "--network", "abc"],
            "--network",
        ),
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(text(&o).1.contains(says), "{args:?}: {}", text(&o).1);
    }
}
