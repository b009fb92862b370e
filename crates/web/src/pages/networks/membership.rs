//! A membership's page, and one form page for each thing recorded about a member:
//! induction, a signature, a change of role, standing down, reinstatement, leaving.

#[allow(unused_imports)]
use super::*;
use coproduce_store::memberships::MemberChange;

/// A membership the viewer may see, by the id in the address.
async fn visible_membership(
    state: &AppState,
    viewer: &Viewer,
    raw: &str,
) -> Result<Membership, PageError> {
    let id = crate::pages::id_of(raw)?;
    let m = state.store.membership(id).await?;
    crate::pages::seen(viewer, m.organisation_id, m)
}

#[derive(Template)]
#[template(path = "membership.html")]
struct MembershipPage {
    chrome: Chrome,
    can_write: bool,
    m: Membership,
    /// Label key and value.
    rows: Vec<(&'static str, String)>,
    /// Kind, title, version, signed on.
    signatures: Vec<(&'static str, String, String, String)>,
    /// The current versions not yet signed: kind, title, version.
    unsigned: Vec<(&'static str, String, String)>,
    /// Stood down, reason, review, reinstated.
    stand_downs: Vec<(String, String, String, String)>,
}

pub(super) async fn membership_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let m = visible_membership(&state, &viewer, &raw).await?;
        let tr = viewer.tr;
        let signatures = state.store.signatures_of(m.id).await?;
        let all = state.store.documents(m.network_id).await?;
        let unsigned = current_documents(&all)
            .into_iter()
            .filter(|d| !signatures.iter().any(|s| s.document.id == d.id))
            .map(|d| (d.kind.label(), d.title.clone(), d.version.clone()))
            .collect();
        let stand_downs = state
            .store
            .stand_downs_of(m.id)
            .await?
            .into_iter()
            .map(|s| {
                (
                    tr.date(s.stood_down_on),
                    s.reason,
                    s.review_on.map(|d| tr.date(d)).unwrap_or_default(),
                    s.reinstated_on.map(|d| tr.date(d)).unwrap_or_default(),
                )
            })
            .collect();
        let mut rows = vec![
            ("staff-network", m.network_name.clone()),
            ("staff-member-role", m.role.label().to_string()),
            ("staff-joined", tr.date(m.joined_on)),
            (
                "staff-left",
                m.left_on.map(|d| tr.date(d)).unwrap_or_default(),
            ),
        ];
        rows.push((
            "staff-induction",
            match (&m.inducted_on, &m.inducted_by) {
                (Some(on), Some(by)) => tr.t2(
                    "staff-inducted-on-by",
                    ("date", &tr.date(*on)),
                    ("name", by),
                ),
                (Some(on), None) => tr.date(*on),
                _ => String::new(),
            },
        ));
        Ok::<_, PageError>(MembershipPage {
            chrome: Chrome::new(&state, &viewer, "networks"),
            can_write: viewer.can(C::WritePeople),
            rows,
            signatures: signatures
                .into_iter()
                .map(|s| {
                    (
                        s.document.kind.label(),
                        s.document.title,
                        s.document.version,
                        tr.date(s.signed_on),
                    )
                })
                .collect(),
            unsigned,
            stand_downs,
            m,
        })
    }
    .await;
    show(&state, &viewer, result)
}

/// Everything the membership forms can send; each form sends its own part.
#[derive(Deserialize, Default)]
pub struct MembershipForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    document_id: String,
    #[serde(default)]
    inducted_by: String,
    #[serde(default)]
    reason: String,
    #[serde(default, rename = "on-day")]
    day: String,
    #[serde(default, rename = "on-month")]
    month: String,
    #[serde(default, rename = "on-year")]
    year: String,
    #[serde(default, rename = "review_on-day")]
    review_day: String,
    #[serde(default, rename = "review_on-month")]
    review_month: String,
    #[serde(default, rename = "review_on-year")]
    review_year: String,
}

/// What can be recorded about a member, each on its own form page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Induction,
    Sign,
    Role,
    StandDown,
    Reinstate,
    Leave,
}

impl Action {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "induction" => Action::Induction,
            "sign" => Action::Sign,
            "role" => Action::Role,
            "stand-down" => Action::StandDown,
            "reinstate" => Action::Reinstate,
            "leave" => Action::Leave,
            _ => return None,
        })
    }

    fn slug(self) -> &'static str {
        match self {
            Action::Induction => "induction",
            Action::Sign => "sign",
            Action::Role => "role",
            Action::StandDown => "stand-down",
            Action::Reinstate => "reinstate",
            Action::Leave => "leave",
        }
    }

    /// The heading, the button and the name of the form's date.
    fn words(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Action::Induction => (
                "staff-record-induction",
                "staff-record-the-induction",
                "staff-date-inducted",
            ),
            Action::Sign => (
                "staff-record-signature",
                "staff-record-the-signature",
                "staff-date-signed",
            ),
            Action::Role => ("staff-change-role", "staff-save-changes", ""),
            Action::StandDown => (
                "staff-stand-down-member",
                "staff-record-stand-down",
                "staff-date-stood-down",
            ),
            Action::Reinstate => (
                "staff-reinstate-member",
                "staff-reinstate",
                "staff-date-reinstated",
            ),
            Action::Leave => (
                "staff-member-leaves",
                "staff-record-leaving",
                "staff-date-left",
            ),
        }
    }

    /// Whether the action can be taken now: a former member can only have their
    /// induction or signatures recorded after the fact; only the stood down can be
    /// reinstated, and only the others stood down.
    fn allowed(self, m: &Membership) -> bool {
        let current = m.left_on.is_none();
        match self {
            Action::Induction | Action::Sign => true,
            Action::Role | Action::Leave => current,
            Action::StandDown => current && m.stood_down.is_none(),
            Action::Reinstate => current && m.stood_down.is_some(),
        }
    }
}

async fn action_form(
    state: &AppState,
    viewer: &Viewer,
    m: &Membership,
    action: Action,
    f: &MembershipForm,
    errors: Vec<FieldError>,
) -> Result<FormPage, PageError> {
    let (heading, button, date_label) = action.words();
    let mut parts = Vec::new();
    let mut intro = vec![];
    match action {
        Action::Sign => {
            let all = state.store.documents(m.network_id).await?;
            let signed = state.store.signatures_of(m.id).await?;
            let options: Vec<Choice> = all
                .iter()
                .filter(|d| !signed.iter().any(|s| s.document.id == d.id))
                .map(|d| Choice {
                    value: d.id.to_string(),
                    label: format!("{}: {} (version {})", d.kind.label(), d.title, d.version),
                    hint: Some(viewer.tr.t1(
                        "staff-adopted-on",
                        "date",
                        viewer.tr.date(d.adopted_on),
                    )),
                })
                .collect();
            if options.is_empty() {
                intro.push("staff-nothing-to-sign".into());
            }
            parts.push(Part::Choose(Radios {
                id: "document_id",
                legend: "staff-what-did-they-sign",
                hint: None,
                options,
                selected: f.document_id.clone(),
                error: error_of(&errors, "document_id"),
            }));
        }
        Action::Role => {
            parts.push(Part::Choose(Radios::of::<MemberRole>(
                "role",
                "staff-member-role",
                if f.role.is_empty() {
                    m.role.slug()
                } else {
                    &f.role
                },
                &errors,
                |_| None,
            )));
        }
        _ => {}
    }
    if !date_label.is_empty() {
        let mut on = DateField::typed(
            "on",
            date_label,
            "staff-for-example-1-4-2026",
            &f.day,
            &f.month,
            &f.year,
        );
        on.error = error_of(&errors, "on-day");
        parts.push(Part::Date(on));
    }
    match action {
        Action::Induction => parts.push(Part::Field(
            FormField::new("inducted_by", "staff-inducted-by", "text")
                .hint("staff-inducted-by-hint")
                .autocomplete("off")
                .value(&f.inducted_by)
                .errors(&errors),
        )),
        Action::StandDown => {
            intro.push("staff-stand-down-intro".into());
            parts.push(Part::Text(
                FormField::new("reason", "staff-stand-down-reason", "text")
                    .hint("staff-stand-down-reason-hint")
                    .value(&f.reason)
                    .errors(&errors),
            ));
            let mut review = DateField::typed(
                "review_on",
                "staff-review-date",
                "staff-review-date-hint",
                &f.review_day,
                &f.review_month,
                &f.review_year,
            );
            review.error = error_of(&errors, "review_on-day");
            parts.push(Part::Date(review));
        }
        _ => {}
    }
    Ok(FormPage {
        chrome: Chrome::new(state, viewer, "networks"),
        errors,
        back: Some((
            format!("/memberships/{}", m.id),
            "staff-back-to-the-membership".into(),
        )),
        caption: Some(format!("{}, {}", m.person_name, m.network_name)),
        heading: heading.into(),
        intro,
        action: format!("/memberships/{}/{}", m.id, action.slug()),
        parts,
        button,
    }
    .ordered())
}

pub(super) async fn membership_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw, action)): Path<(String, String)>,
) -> Response {
    let result = async {
        let action = Action::parse(&action).ok_or(PageError::NotFound)?;
        let m = visible_membership(&state, &viewer, &raw).await?;
        if !action.allowed(&m) {
            return Err(PageError::NotFound);
        }
        action_form(
            &state,
            &viewer,
            &m,
            action,
            &MembershipForm::default(),
            vec![],
        )
        .await
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn membership_save(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw, action)): Path<(String, String)>,
    Form(f): Form<MembershipForm>,
) -> Response {
    let result = async {
        let action = Action::parse(&action).ok_or(PageError::NotFound)?;
        let m = visible_membership(&state, &viewer, &raw).await?;
        if !action.allowed(&m) {
            return Err(PageError::NotFound);
        }
        let tr = viewer.tr;
        let today = crate::today(&state.ctx);
        let mut errs = FieldErrors::new();
        let (_, _, date_label) = action.words();
        let on = if date_label.is_empty() {
            None
        } else {
            typed_date(&mut errs, "on", (&f.day, &f.month, &f.year), true)
        };
        // Each action checks its own fields, then its dates by the domain's rules.
        let mut change: Option<MemberChange> = None;
        match action {
            Action::Induction => {
                let by_name = errs.take("inducted_by", text::required(&f.inducted_by, text::SHORT));
                if let Some(on) = on {
                    // An induction can come before the day the membership was
                    // recorded as starting; only the future is refused.
                    if on > today {
                        errs.add("on-day", text::Problem::InFuture);
                    }
                }
                if let (Some(on), Some(by_name), true) = (on, by_name, errs.is_empty()) {
                    change = Some(MemberChange::Induction { on, by: by_name });
                }
            }
            Action::Sign => {
                let doc = match f.document_id.trim().parse::<i64>() {
                    Ok(id) => match state.store.document(id).await {
                        Ok(d) if d.network_id == m.network_id => Some(d),
                        Ok(_) | Err(StoreError::NotFound) => None,
                        Err(e) => return Err(e.into()),
                    },
                    Err(_) => None,
                };
                if doc.is_none() {
                    errs.add_worded("document_id", tr.t("staff-choose-a-document"));
                }
                if let (Some(doc), Some(on)) = (&doc, on)
                    && let Err(p) = rules::check_signed(doc.adopted_on, on, today)
                {
                    errs.add("on-day", p);
                }
                if let (Some(doc), Some(on), true) = (&doc, on, errs.is_empty()) {
                    change = Some(MemberChange::Sign {
                        document_id: doc.id,
                        on,
                    });
                }
            }
            Action::Role => {
                let role = MemberRole::parse(f.role.trim()).ok();
                if role.is_none() {
                    errs.add_worded("role", tr.t("staff-choose-member-role"));
                }
                if let Some(role) = role {
                    change = Some(MemberChange::Role(role));
                }
            }
            Action::StandDown => {
                let reason = errs.take("reason", text::required(&f.reason, 1000));
                let review_on = typed_date(
                    &mut errs,
                    "review_on",
                    (&f.review_day, &f.review_month, &f.review_year),
                    false,
                );
                // The dates are checked even when the reason is missing, so every
                // problem is reported at once.
                if let Some(on) = on {
                    let s = StandDown {
                        on,
                        reason: reason.clone().unwrap_or_default(),
                        review_on,
                    };
                    match rules::check_stand_down(&s, m.joined_on, today) {
                        Err((field, p)) => errs.add(format!("{field}-day"), p),
                        Ok(()) if errs.is_empty() && reason.is_some() => {
                            change = Some(MemberChange::StandDown(s));
                        }
                        Ok(()) => {}
                    }
                }
            }
            Action::Reinstate => {
                let since = m.stood_down.map(|(d, _)| d).unwrap_or(m.joined_on);
                if let Some(on) = on {
                    match rules::check_reinstated(since, on, today) {
                        Ok(on) => change = Some(MemberChange::Reinstate(on)),
                        Err(p) => errs.add("on-day", p),
                    }
                }
            }
            Action::Leave => {
                if let Some(on) = on {
                    match rules::check_member_date(m.joined_on, on, today) {
                        Ok(on) => change = Some(MemberChange::Leave(on)),
                        Err(p) => errs.add("on-day", p),
                    }
                }
            }
        }
        let mut errors = worded(
            &tr,
            errs.0,
            &[
                Named::As("on-day", date_label),
                Named::As("review_on-day", "staff-review-date"),
                Named::As("inducted_by", "staff-inducted-by"),
                Named::As("reason", "staff-stand-down-reason"),
            ],
        );
        let done = match change {
            Some(c) => Some(
                coproduce_app::networks::change_membership(&state.ctx, &viewer.actor(), m.id, &c)
                    .await,
            ),
            None => None,
        };
        match done {
            Some(Ok(())) => {
                return Ok(Redirect::to(&format!("/memberships/{}", m.id)).into_response());
            }
            Some(Err(coproduce_app::AppError::Conflict(_))) => errors.push(FieldError::worded(
                if action == Action::Sign {
                    "document_id"
                } else {
                    "on-day"
                },
                tr.t("staff-already-recorded"),
            )),
            Some(Err(e)) => return Err(e.into()),
            None => {}
        }
        let page = action_form(&state, &viewer, &m, action, &f, errors).await?;
        Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
