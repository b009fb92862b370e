//! An organisation's recognition policy on pages: the version in force with those
//! to come and those before, and the form for a new version, filled in from the
//! one in force. The rules are `coproduce_app::recognition`'s and the domain's.

#[allow(unused_imports)]
use super::*;
use coproduce_app::recognition::PolicyVersion;
use coproduce_domain::money::{read_pounds, show_pounds};
use coproduce_domain::opportunity::Recognition;
use coproduce_domain::recognition::{
    ExpensesDraft, MAX_RATE, Policy, PolicyDraft, RateBasis, RateDraft, TierDraft,
};
use coproduce_domain::text::FieldErrors;

/// The tier rows the form offers: a policy has at most this many on the page.
const TIER_ROWS: usize = 6;
/// The rows for a rate per activity of a type.
const FEE_ROWS: usize = 4;

/// The ids of a tier row's boxes: key, name, hourly, half-day and day rate.
const TIER_IDS: [[&str; 5]; TIER_ROWS] = [
    [
        "tier-1-key",
        "tier-1-name",
        "tier-1-hour",
        "tier-1-half-day",
        "tier-1-day",
    ],
    [
        "tier-2-key",
        "tier-2-name",
        "tier-2-hour",
        "tier-2-half-day",
        "tier-2-day",
    ],
    [
        "tier-3-key",
        "tier-3-name",
        "tier-3-hour",
        "tier-3-half-day",
        "tier-3-day",
    ],
    [
        "tier-4-key",
        "tier-4-name",
        "tier-4-hour",
        "tier-4-half-day",
        "tier-4-day",
    ],
    [
        "tier-5-key",
        "tier-5-name",
        "tier-5-hour",
        "tier-5-half-day",
        "tier-5-day",
    ],
    [
        "tier-6-key",
        "tier-6-name",
        "tier-6-hour",
        "tier-6-half-day",
        "tier-6-day",
    ],
];
/// The ids of a fee row's boxes: the tier, the activity type and the amount.
const FEE_IDS: [[&str; 3]; FEE_ROWS] = [
    ["fee-1-tier", "fee-1-type", "fee-1-amount"],
    ["fee-2-tier", "fee-2-type", "fee-2-amount"],
    ["fee-3-tier", "fee-3-type", "fee-3-amount"],
    ["fee-4-tier", "fee-4-type", "fee-4-amount"],
];
/// The money boxes of the expenses, with their labels.
const MONEY: [(&str, &str); 5] = [
    ("per_mile", "staff-policy-per-mile"),
    ("per_mile_passenger", "staff-policy-per-mile-passenger"),
    ("per_mile_bicycle", "staff-policy-per-mile-bicycle"),
    ("meal_cap", "staff-policy-meal-cap"),
    ("home_working", "staff-policy-home-working"),
];
/// The yes-or-no questions of the expenses, with their legends.
const YES_NO: [(&str, &str); 4] = [
    ("pro_rata", "staff-policy-pro-rata"),
    ("public_transport", "staff-policy-public-transport"),
    ("taxis_with_approval", "staff-policy-taxis"),
    ("care_costs", "staff-policy-care-costs"),
];

/// The form as sent: every name with its values, in order.
pub struct Typed(Vec<(String, String)>);

impl Typed {
    fn get(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// The form filled in from a policy: the one in force, or a first one.
    fn from_policy(p: Option<&Policy>, today: chrono::NaiveDate) -> Typed {
        let mut v: Vec<(String, String)> = Vec::new();
        let mut put = |k: &str, val: String| v.push((k.to_string(), val));
        let pounds = |p: i64| show_pounds(p).trim_start_matches('£').to_string();
        put("effective_from", today.to_string());
        let Some(p) = p else {
            put("per_mile", "0.45".into());
            put("per_mile_passenger", "0.05".into());
            put("per_mile_bicycle", "0.20".into());
            put("claim_within_days", "90".into());
            return Typed(v);
        };
        for o in &p.offered {
            put("offered", o.slug().into());
        }
        put("pro_rata", yes_no(p.pro_rata));
        for (i, t) in p.tiers.iter().take(TIER_ROWS).enumerate() {
            let ids = TIER_IDS[i];
            put(ids[0], t.key.clone());
            put(ids[1], t.name.clone());
            for (j, basis) in [RateBasis::Hour, RateBasis::HalfDay, RateBasis::Day]
                .into_iter()
                .enumerate()
            {
                if let Some(r) = p.rates.iter().find(|r| r.tier == t.key && r.basis == basis) {
                    put(ids[2 + j], pounds(r.amount_pence));
                }
            }
        }
        for (i, r) in p
            .rates
            .iter()
            .filter(|r| r.basis == RateBasis::Activity)
            .take(FEE_ROWS)
            .enumerate()
        {
            let ids = FEE_IDS[i];
            put(ids[0], r.tier.clone());
            put(
                ids[1],
                r.activity_type.map(|t| t.slug()).unwrap_or("").into(),
            );
            put(ids[2], pounds(r.amount_pence));
        }
        let e = &p.expenses;
        for (id, amount) in [
            ("per_mile", e.per_mile),
            ("per_mile_passenger", e.per_mile_passenger),
            ("per_mile_bicycle", e.per_mile_bicycle),
            ("meal_cap", e.meal_cap),
            ("home_working", e.home_working),
        ] {
            put(id, pounds(amount));
        }
        put("public_transport", yes_no(e.public_transport));
        put("taxis_with_approval", yes_no(e.taxis_with_approval));
        put("care_costs", yes_no(e.care_costs));
        put("claim_within_days", e.claim_within_days.to_string());
        put("advice", p.advice.clone());
        Typed(v)
    }

    /// What was typed as a draft for the domain to check, with the problems only
    /// the page can have (an amount that is not money, a date that is not one).
    fn draft(&self, errs: &mut FieldErrors) -> PolicyDraft {
        let effective_from = crate::pages::forms::typed_date(
            errs,
            "effective_from",
            (
                &self.get("effective_from-day"),
                &self.get("effective_from-month"),
                &self.get("effective_from-year"),
            ),
            true,
        )
        .map(|d| d.to_string())
        .unwrap_or_default();
        let mut money = |id: &str, max: i64| -> Option<i64> {
            match self.get(id).trim() {
                "" => None,
                typed => errs.take(id, read_pounds(typed, max)),
            }
        };
        let mut tiers = Vec::new();
        let mut rates = Vec::new();
        for ids in TIER_IDS {
            let (key, name) = (self.get(ids[0]), self.get(ids[1]));
            let amounts: Vec<Option<i64>> = ids[2..].iter().map(|id| money(id, MAX_RATE)).collect();
            if key.trim().is_empty()
                && name.trim().is_empty()
                && amounts.iter().all(Option::is_none)
            {
                continue;
            }
            for (basis, amount) in [RateBasis::Hour, RateBasis::HalfDay, RateBasis::Day]
                .into_iter()
                .zip(amounts)
            {
                if let Some(amount_pence) = amount {
                    rates.push(RateDraft {
                        tier: key.clone(),
                        basis: basis.slug().into(),
                        activity_type: String::new(),
                        amount_pence,
                    });
                }
            }
            tiers.push(TierDraft {
                key,
                name,
                description: String::new(),
            });
        }
        for ids in FEE_IDS {
            let (tier, kind) = (self.get(ids[0]), self.get(ids[1]));
            let amount = money(ids[2], MAX_RATE);
            if tier.trim().is_empty() && kind.trim().is_empty() && amount.is_none() {
                continue;
            }
            rates.push(RateDraft {
                tier,
                basis: RateBasis::Activity.slug().into(),
                activity_type: kind,
                amount_pence: amount.unwrap_or(0),
            });
        }
        let mut pence = |id: &str| money(id, 1_000_000).unwrap_or(0);
        let expenses = ExpensesDraft {
            per_mile: pence("per_mile"),
            per_mile_passenger: pence("per_mile_passenger"),
            per_mile_bicycle: pence("per_mile_bicycle"),
            meal_cap: pence("meal_cap"),
            home_working: pence("home_working"),
            public_transport: self.get("public_transport") == "yes",
            taxis_with_approval: self.get("taxis_with_approval") == "yes",
            care_costs: self.get("care_costs") == "yes",
            claim_within_days: match self.get("claim_within_days").trim().parse() {
                Ok(n) => n,
                Err(_) => {
                    errs.add(
                        "claim_within_days",
                        coproduce_domain::text::Problem::NotWholeNumber { min: 1, max: 365 },
                    );
                    1
                }
            },
        };
        PolicyDraft {
            effective_from,
            offered: self.all("offered"),
            pro_rata: match self.get("pro_rata").as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            tiers,
            rates,
            expenses,
            advice: self.get("advice"),
        }
    }
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.into()
}

/// The page's box for a field the domain names: `tiers[1].name` is the second tier
/// row's name; a rate is shown on its tier's row (or its fee row).
fn page_field(field: &str, draft: &PolicyDraft) -> String {
    let index = |s: &str| -> Option<usize> {
        s.split_once('[')
            .and_then(|(_, rest)| rest.split_once(']'))
            .and_then(|(n, _)| n.parse().ok())
    };
    if let Some(rest) = field.strip_prefix("expenses.") {
        return rest.trim_end_matches("_pence").to_string();
    }
    if field.starts_with("tiers[") {
        let i = index(field).unwrap_or(0).min(TIER_ROWS - 1);
        let part = if field.ends_with(".key") { 0 } else { 1 };
        return TIER_IDS[i][part].to_string();
    }
    if field.starts_with("rates[")
        && let Some(i) = index(field)
        && let Some(r) = draft.rates.get(i)
    {
        if r.basis == RateBasis::Activity.slug() {
            let n = draft.rates[..i]
                .iter()
                .filter(|x| x.basis == RateBasis::Activity.slug())
                .count()
                .min(FEE_ROWS - 1);
            let part = if field.ends_with(".tier") {
                0
            } else if field.ends_with(".activity_type") {
                1
            } else {
                2
            };
            return FEE_IDS[n][part].to_string();
        }
        let row = draft
            .tiers
            .iter()
            .position(|t| t.key == r.tier)
            .unwrap_or(0)
            .min(TIER_ROWS - 1);
        if field.ends_with(".tier") {
            return TIER_IDS[row][0].to_string();
        }
        let col = match r.basis.as_str() {
            "hour" => 2,
            "half-day" => 3,
            _ => 4,
        };
        return TIER_IDS[row][col].to_string();
    }
    if field == "tiers" {
        return TIER_IDS[0][1].to_string();
    }
    if field == "rates" {
        return TIER_IDS[0][2].to_string();
    }
    if field == "effective_from" {
        return "effective_from-day".into();
    }
    field.to_string()
}

/// The label of a box of the form, by its id, for the messages about it.
fn label_of(tr: &Tr, id: &str) -> String {
    for (n, ids) in TIER_IDS.iter().enumerate() {
        for (i, key) in [
            "staff-policy-tier-key",
            "staff-policy-tier-name",
            "staff-policy-tier-hour",
            "staff-policy-tier-half-day",
            "staff-policy-tier-day",
        ]
        .into_iter()
        .enumerate()
        {
            if ids[i] == id {
                return tr.t1(key, "n", n + 1);
            }
        }
    }
    for (n, ids) in FEE_IDS.iter().enumerate() {
        for (i, key) in [
            "staff-policy-fee-tier",
            "staff-policy-fee-type",
            "staff-policy-fee-amount",
        ]
        .into_iter()
        .enumerate()
        {
            if ids[i] == id {
                return tr.t1(key, "n", n + 1);
            }
        }
    }
    let key = match id {
        "effective_from-day" => "staff-policy-effective-from",
        "offered" => "staff-policy-offered",
        "claim_within_days" => "staff-policy-claim-within-days",
        "advice" => "staff-policy-advice",
        other => MONEY
            .iter()
            .chain(YES_NO.iter())
            .find(|(i, _)| *i == other)
            .map(|(_, k)| *k)
            .unwrap_or("why-this-answer"),
    };
    tr.t(key)
}

/// A rate or allowance in words, for the policy's page.
fn money_words(tr: &Tr, pence: i64) -> String {
    if pence == 0 {
        tr.t("staff-policy-none")
    } else {
        show_pounds(pence)
    }
}

/// One tier with its rates, in words.
pub struct TierView {
    key: String,
    name: String,
    rates: Vec<String>,
}

/// A version, in words.
pub struct PolicyView {
    effective_from: String,
    offered: String,
    pro_rata: bool,
    tiers: Vec<TierView>,
    /// Each expense rule, in words.
    expenses: Vec<(String, String)>,
    advice: String,
    made: String,
}

fn policy_view(tr: &Tr, v: &PolicyVersion) -> PolicyView {
    let p = &v.policy;
    let e = &p.expenses;
    let yes = |b: bool| tr.t(if b { "staff-yes" } else { "staff-no" });
    PolicyView {
        effective_from: tr.date(p.effective_from),
        offered: p
            .offered
            .iter()
            .map(|o| tr.t(&format!("opportunity-recognition-{}", o.slug())))
            .collect::<Vec<_>>()
            .join(", "),
        pro_rata: p.pro_rata,
        tiers: p
            .tiers
            .iter()
            .map(|t| TierView {
                key: t.key.clone(),
                name: t.name.clone(),
                rates: p
                    .rates
                    .iter()
                    .filter(|r| r.tier == t.key)
                    .map(|r| match r.activity_type {
                        Some(kind) => format!(
                            "{} {}",
                            show_pounds(r.amount_pence),
                            tr.t1(
                                "staff-policy-per-activity",
                                "kind",
                                tr.label(kind).to_lowercase()
                            )
                        ),
                        None => format!(
                            "{} {}",
                            show_pounds(r.amount_pence),
                            tr.label(r.basis).to_lowercase()
                        ),
                    })
                    .collect(),
            })
            .collect(),
        expenses: vec![
            (tr.t("staff-policy-per-mile"), money_words(tr, e.per_mile)),
            (
                tr.t("staff-policy-per-mile-passenger"),
                money_words(tr, e.per_mile_passenger),
            ),
            (
                tr.t("staff-policy-per-mile-bicycle"),
                money_words(tr, e.per_mile_bicycle),
            ),
            (
                tr.t("staff-policy-public-transport"),
                yes(e.public_transport),
            ),
            (tr.t("staff-policy-taxis"), yes(e.taxis_with_approval)),
            (tr.t("staff-policy-care-costs"), yes(e.care_costs)),
            (tr.t("staff-policy-meal-cap"), money_words(tr, e.meal_cap)),
            (
                tr.t("staff-policy-home-working"),
                money_words(tr, e.home_working),
            ),
            (
                tr.t("staff-policy-claim-within-days"),
                tr.tn("staff-policy-days", &[("days", e.claim_within_days)]),
            ),
        ],
        advice: p.advice.clone(),
        made: {
            let on = tr.date(coproduce_domain::time::london_date(v.created_at));
            match &v.created_by_name {
                Some(name) => tr.t2("staff-policy-made", ("date", on), ("name", name.clone())),
                None => tr.t1("staff-policy-made-by-coproduce", "date", on),
            }
        },
    }
}

#[derive(Template)]
#[template(path = "recognition.html")]
pub struct RecognitionPage {
    chrome: Chrome,
    organisation_id: i64,
    organisation: String,
    in_force: Option<PolicyView>,
    /// Versions that take effect later, soonest last, and those before the one in
    /// force, latest first.
    later: Vec<PolicyView>,
    earlier: Vec<PolicyView>,
    can_set: bool,
}

pub(super) async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let actor = viewer.actor();
        let versions = coproduce_app::recognition::versions(&state.ctx, &actor, id).await?;
        let organisation = state.store.organisation(id).await?.name;
        let today = crate::today(&state.ctx);
        let tr = &viewer.tr;
        let now = versions
            .iter()
            .position(|v| v.policy.effective_from <= today);
        let (later, rest) = versions.split_at(now.unwrap_or(versions.len()));
        Ok::<_, PageError>(RecognitionPage {
            chrome: Chrome::new(&state, &viewer, "organisations"),
            organisation_id: id,
            organisation,
            in_force: rest.first().map(|v| policy_view(tr, v)),
            later: later.iter().map(|v| policy_view(tr, v)).collect(),
            earlier: rest.iter().skip(1).map(|v| policy_view(tr, v)).collect(),
            can_set: viewer.can(C::ManageRecognition),
        })
    }
    .await;
    show(&state, &viewer, result)
}

/// The form for a new version: `typed` as sent, or filled in from the one in force.
fn form_page(
    state: &AppState,
    viewer: &Viewer,
    organisation_id: i64,
    typed: &Typed,
    errors: Vec<FieldError>,
) -> FormPage {
    let tr = &viewer.tr;
    let mut parts = Vec::new();
    let mut date = DateField::typed(
        "effective_from",
        "staff-policy-effective-from",
        "staff-policy-effective-from-hint",
        &typed.get("effective_from-day"),
        &typed.get("effective_from-month"),
        &typed.get("effective_from-year"),
    );
    if let Ok(d) = typed.get("effective_from").parse::<chrono::NaiveDate>() {
        date.show(d);
    }
    date.error = error_of(&errors, "effective_from-day");
    parts.push(Part::Date(date));
    parts.push(Part::Checks(Checkboxes {
        id: "offered",
        legend: "staff-policy-offered",
        hint: Some("staff-policy-offered-hint"),
        options: Recognition::ALL
            .iter()
            .map(|r| Choice {
                value: r.slug().into(),
                label: tr.t(&format!("opportunity-recognition-{}", r.slug())),
                hint: None,
            })
            .collect(),
        checked: typed.all("offered"),
        error: error_of(&errors, "offered"),
    }));
    let radios = |id: &'static str, legend: &'static str| Radios {
        id,
        legend,
        hint: None,
        options: vec![
            Choice {
                value: "yes".into(),
                label: tr.t("staff-yes"),
                hint: None,
            },
            Choice {
                value: "no".into(),
                label: tr.t("staff-no"),
                hint: None,
            },
        ],
        selected: typed.get(id),
        error: error_of(&errors, id),
    };
    parts.push(Part::Choose(radios(YES_NO[0].0, YES_NO[0].1)));
    parts.push(Part::Heading("staff-policy-tiers"));
    let field = |id: &'static str, label: String, hint: Option<String>| {
        let mut f = FormField::new(id, label, "text")
            .value(typed.get(id))
            .errors(&errors);
        f.hint = hint;
        f
    };
    for (n, ids) in TIER_IDS.iter().enumerate() {
        let row = n + 1;
        let words = |key: &str| tr.t1(key, "n", row);
        parts.push(Part::Field(field(
            ids[0],
            words("staff-policy-tier-key"),
            (n == 0).then(|| tr.t("staff-policy-tier-key-hint")),
        )));
        parts.push(Part::Field(field(
            ids[1],
            words("staff-policy-tier-name"),
            None,
        )));
        for (i, key) in [
            "staff-policy-tier-hour",
            "staff-policy-tier-half-day",
            "staff-policy-tier-day",
        ]
        .into_iter()
        .enumerate()
        {
            let mut f = field(ids[2 + i], words(key), None);
            f.width = Some("nhsuk-input--width-5");
            parts.push(Part::Field(f));
        }
    }
    parts.push(Part::Heading("staff-policy-fees"));
    for (n, ids) in FEE_IDS.iter().enumerate() {
        let row = n + 1;
        parts.push(Part::Field(field(
            ids[0],
            tr.t1("staff-policy-fee-tier", "n", row),
            None,
        )));
        parts.push(Part::Pick(Select {
            id: ids[1],
            label: tr.t1("staff-policy-fee-type", "n", row),
            options: crate::pages::forms::after_none(
                tr.t("staff-policy-none"),
                coproduce_domain::activity::ActivityType::ALL
                    .iter()
                    .map(|t| Choice {
                        value: t.slug().into(),
                        label: tr.label(*t),
                        hint: None,
                    })
                    .collect(),
            ),
            selected: typed.get(ids[1]),
            error: error_of(&errors, ids[1]),
        }));
        let mut f = field(ids[2], tr.t1("staff-policy-fee-amount", "n", row), None);
        f.width = Some("nhsuk-input--width-5");
        parts.push(Part::Field(f));
    }
    parts.push(Part::Heading("staff-policy-expenses"));
    for (id, label) in MONEY {
        let mut f = field(id, tr.t(label), Some(tr.t("staff-policy-pounds-hint")));
        f.width = Some("nhsuk-input--width-5");
        parts.push(Part::Field(f));
    }
    for (id, legend) in &YES_NO[1..] {
        parts.push(Part::Choose(radios(id, legend)));
    }
    let mut days = field(
        "claim_within_days",
        tr.t("staff-policy-claim-within-days"),
        Some(tr.t("staff-policy-claim-within-days-hint")),
    );
    days.width = Some("nhsuk-input--width-3");
    days.inputmode = "numeric";
    parts.push(Part::Field(days));
    parts.push(Part::Text(
        FormField::new("advice", "staff-policy-advice", "text")
            .hint("staff-policy-advice-hint")
            .value(typed.get("advice"))
            .errors(&errors),
    ));
    FormPage {
        chrome: Chrome::new(state, viewer, "organisations"),
        back: Some((
            format!("/organisations/{organisation_id}/recognition"),
            "staff-back-to-the-policy".into(),
        )),
        caption: Some("staff-recognition".into()),
        heading: "staff-policy-new".into(),
        intro: vec![tr.t("staff-policy-new-intro")],
        action: format!("/organisations/{organisation_id}/recognition"),
        parts,
        errors,
        button: "staff-policy-save",
    }
}

pub(super) async fn new_version(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let today = crate::today(&state.ctx);
        let current =
            coproduce_app::recognition::in_force(&state.ctx, &viewer.actor(), id, today).await?;
        let typed = Typed::from_policy(current.as_ref().map(|v| &v.policy), today);
        Ok::<_, PageError>(form_page(&state, &viewer, id, &typed, vec![]))
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn save(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    HtmlForm(pairs): HtmlForm<Vec<(String, String)>>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let typed = Typed(pairs);
        let mut errs = FieldErrors::new();
        let draft = typed.draft(&mut errs);
        let saved = if errs.0.is_empty() {
            coproduce_app::recognition::set_policy(&state.ctx, &viewer.actor(), id, &draft)
                .await
                .map_err(crate::ApiError::from)
        } else {
            if let Err(FieldErrors(more)) = draft.check() {
                // What the page found first; then the rest, but not twice for one box.
                for e in more {
                    let at = page_field(&e.field, &draft);
                    if !errs.0.iter().any(|x| x.field == at) {
                        errs.0.push(e);
                    }
                }
            }
            Err(crate::ApiError::from(coproduce_app::AppError::Invalid(
                errs,
            )))
        };
        match saved {
            Ok(_) => Ok(Redirect::to(&format!("/organisations/{id}/recognition")).into_response()),
            Err(e) => {
                let mut errors = field_errors(e)?;
                for e in &mut errors {
                    e.field = page_field(&e.field, &draft);
                    if let Some(problem) = &e.problem {
                        // Named whatever the message says, so each row is known.
                        let label = label_of(&viewer.tr, &e.field);
                        let why = viewer.tr.why(problem, &label);
                        e.message = if why.contains(&label) {
                            why
                        } else {
                            format!("{label}: {why}")
                        };
                    }
                }
                let page = form_page(&state, &viewer, id, &typed, errors);
                Ok::<_, PageError>(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
}
