//! The OpenAPI 3.1 document of the JSON API, generated from the handlers' annotations.
//!
//! The document is a contract clients can be generated from: every operation has an
//! `operationId` named for what it does, says which credential it needs, and lists
//! every status it can answer, each error as `application/problem+json`. The tests in
//! `tests/openapi.rs` hold it to the route table, and `scripts/api-contract.sh` holds
//! the running server to it.

use axum::Json;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{Object, Schema, SchemaType, Type};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::api::{
    self, activities, charters, equality, feedback, forms, indicators, inputs, invitations,
    meeting_rules, networks, opportunities, organisations, outcomes, papers, payments, people,
    projects, provision, recognition, responses, venues,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Coproduce API",
        description = "Run co-production and measure a co-production charter. Send a personal access token as `Authorization: Bearer TOKEN`; public records (organisations, charters, their signatories and the built-in charters) need none. Errors are application/problem+json (RFC 9457), with each field at fault named in `errors`.",
        license(name = "MIT")
    ),
    paths(
        organisations::list,
        organisations::read,
        organisations::create,
        organisations::update,
        charters::list,
        charters::read,
        charters::create,
        charters::update,
        charters::signatories,
        charters::add_signatory,
        charters::template_list,
        charters::adopt_template,
        people::list,
        people::read,
        people::create,
        people::update,
        projects::list,
        projects::read,
        projects::create,
        projects::update,
        activities::list,
        activities::read,
        activities::create,
        activities::update,
        activities::publish,
        activities::cancel,
        activities::close,
        invitations::list,
        invitations::invite,
        invitations::reply,
        invitations::contacted,
        invitations::reminders,
        invitations::add_reminder,
        invitations::remove_reminder,
        activities::attendance,
        activities::set_attendance,
        inputs::list,
        inputs::read,
        inputs::create,
        inputs::update,
        responses::responses,
        responses::respond,
        responses::told,
        responses::told_by_hand,
        responses::fed_back,
        responses::publish,
        responses::unpublish,
        outcomes::list,
        outcomes::read,
        outcomes::create,
        outcomes::update,
        outcomes::add_evidence,
        forms::list,
        forms::read,
        forms::create,
        forms::update,
        forms::open,
        forms::close,
        recognition::in_force,
        recognition::versions,
        recognition::set,
        payments::list,
        payments::read,
        payments::work_out,
        payments::approve,
        payments::paid,
        payments::reverse,
        payments::choices,
        payments::record_choice,
        indicators::feedback_within_days,
        indicators::you_said_we_did,
        equality::totals,
        networks::list,
        networks::read,
        networks::members,
        networks::courses,
        networks::completions,
        venues::list,
        venues::read,
        venues::create,
        venues::update,
        provision::list,
        provision::book,
        provision::outcome,
        meeting_rules::list_rules,
        meeting_rules::set_rule,
        meeting_rules::warnings,
        meeting_rules::ground_rules_choices,
        meeting_rules::attach_ground_rules,
        papers::list,
        papers::add,
        papers::send,
        feedback::summary,
        feedback::record,
        feedback::ask,
        opportunities::list,
        opportunities::open_list,
        opportunities::read,
        opportunities::create,
        opportunities::update,
        opportunities::publish,
        opportunities::invited,
        opportunities::invite,
        opportunities::applications,
        opportunities::apply,
        opportunities::withdraw,
        opportunities::decide,
        opportunities::make_up,
    ),
    components(
        schemas(crate::error::Problem, crate::error::ProblemField),
        responses(
            api::BadRequest,
            api::Unauthorised,
            api::Forbidden,
            api::NotFound,
            api::Unprocessable
        )
    ),
    modifiers(&Contract)
)]
struct ApiDoc;

/// What the annotations cannot say: the bearer token scheme, and the rules of the
/// request bodies defined in the domain crate (which knows nothing of OpenAPI beyond
/// the shape of its types).
struct Contract;

impl Modify for Contract {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                Http::builder()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A personal access token, made on the account page (`/account`). A read-only token cannot change anything.",
                    ))
                    .build(),
            ),
        );
        // A built-in charter's key is one of theirs (the macro cannot give a path
        // parameter a schema built at run time).
        if let Some(op) = doc
            .paths
            .paths
            .get_mut("/api/v1/charter-templates/{key}/adopt")
            .and_then(|item| item.post.as_mut())
        {
            for p in op.parameters.iter_mut().flatten() {
                if p.name == "key" {
                    p.schema = Some(charters::template_key_schema().into());
                }
            }
        }
        // A meeting rule's key is one of the rules.
        if let Some(op) = doc
            .paths
            .paths
            .get_mut("/api/v1/organisations/{id}/meeting-rules/{key}")
            .and_then(|item| item.put.as_mut())
        {
            for p in op.parameters.iter_mut().flatten() {
                if p.name == "key" {
                    let rules = <coproduce_domain::meeting_rules::RuleKind as coproduce_domain::Vocabulary>::ALL
                        .iter()
                        .map(|r| coproduce_domain::Vocabulary::slug(*r));
                    p.schema = Some(
                        Object::builder()
                            .schema_type(SchemaType::new(Type::String))
                            .enum_values(Some(rules))
                            .build()
                            .into(),
                    );
                }
            }
        }
        let components = doc.components.get_or_insert_with(Default::default);
        let schemas = &mut components.schemas;
        if let Some(RefOr::T(Schema::Object(person))) = schemas.get_mut("PersonDraft") {
            person_draft(person);
        }
        if let Some(RefOr::T(Schema::Object(charter))) = schemas.get_mut("CharterDraft") {
            charter_draft(charter);
        }
        if let Some(RefOr::T(Schema::Object(section))) = schemas.get_mut("SectionDraft") {
            section_draft(section);
        }
        if let Some(RefOr::T(Schema::Object(commitment))) = schemas.get_mut("CommitmentDraft") {
            commitment_draft(commitment);
        }
        if let Some(RefOr::T(Schema::Object(rule))) = schemas.get_mut("MeetingRuleDraft") {
            meeting_rule_draft(rule);
        }
        if let Some(RefOr::T(Schema::Object(settings))) = schemas.get_mut("SettingsDraft") {
            settings_draft(settings);
        }
    }
}

/// Replaces the schema of one property.
fn set(object: &mut Object, name: &str, schema: impl Into<RefOr<Schema>>) {
    object.properties.insert(name.to_string(), schema.into());
}

/// Text of at most `max` characters, or null or empty for none.
fn optional_text(max: usize) -> Object {
    api::optional_text_schema(max)
}

fn person_draft(o: &mut Object) {
    use coproduce_domain::person::ContactMethod;
    set(o, "organisation_id", api::id_schema());
    set(o, "name", api::short_text());
    set(o, "preferred_name", api::optional_short_text());
    set(o, "pronouns", optional_text(40));
    set(o, "address", optional_text(500));
    set(o, "affiliations", optional_text(1000));
    set(
        o,
        "email",
        nullable_pattern(
            &email_pattern(),
            "An email address, like name@example.org (at most 254 bytes), or null or empty for none.",
        ),
    );
    set(
        o,
        "phone",
        nullable_pattern(
            &phone_pattern(),
            "A UK phone number (10 or 11 digits starting 0, like 020 7946 0000) or an international one (8 to 15 digits after +), with spaces, brackets or hyphens as wished; or null or empty for none.",
        ),
    );
    set(
        o,
        "postcode",
        nullable_pattern(
            &postcode_pattern(),
            "A full UK postcode, like LE1 6WW, in any case and spacing; or null or empty for none.",
        ),
    );
    set(
        o,
        "preferred_contact",
        api::optional_vocabulary_schema::<ContactMethod>(),
    );
    let mut roles = people::roles_schema();
    roles.min_items = Some(1);
    roles.description = Some("Person role slugs: at least one.".into());
    set(o, "roles", roles);
    // Without roles a person is refused, so the field is required in practice.
    if !o.required.iter().any(|r| r == "roles") {
        o.required.push("roles".into());
    }
    set(o, "interests", people::interests_schema());
    set(o, "availability", people::availability_schema());
    set(o, "languages", people::languages_schema());
    set(o, "born_on", api::optional_date_schema());
}

fn charter_draft(o: &mut Object) {
    set(o, "key", charter_key());
    set(o, "title", api::short_text());
    set(o, "version", api::text_schema(40));
    set(o, "source", api::short_text());
    set(o, "summary", api::optional_long_text());
    if let Some(RefOr::T(Schema::Array(sections))) = o.properties.get_mut("sections") {
        sections.min_items = Some(1);
    }
}

fn section_draft(o: &mut Object) {
    set(o, "key", api::text_schema(40));
    set(o, "title", api::short_text());
    set(o, "source_ref", api::short_text());
    set(o, "intro", api::optional_long_text());
    if let Some(RefOr::T(Schema::Array(commitments))) = o.properties.get_mut("commitments") {
        commitments.min_items = Some(1);
    }
}

fn commitment_draft(o: &mut Object) {
    use coproduce_domain::charter::CommitmentKind;
    use coproduce_domain::indicator::IndicatorKey;
    use coproduce_domain::ladder::Rung;
    set(o, "key", api::text_schema(40));
    set(o, "text", api::long_text());
    set(o, "source_ref", api::short_text());
    set(
        o,
        "kind",
        api::nullable_vocabulary_schema::<CommitmentKind>(),
    );
    set(o, "rung", api::nullable_vocabulary_schema::<Rung>());
    set(
        o,
        "indicator",
        api::nullable_vocabulary_schema::<IndicatorKey>(),
    );
}

fn meeting_rule_draft(o: &mut Object) {
    use coproduce_domain::activity::ActivityType;
    use coproduce_domain::meeting_rules::RuleKind;
    set(o, "rule", api::vocabulary_schema::<RuleKind>());
    set(
        o,
        "amount",
        Object::builder()
            .schema_type(SchemaType::from_iter([Type::Integer, Type::Null]))
            .minimum(Some(1))
            .maximum(Some(1440))
            .description(Some(
                "Minutes for a time limit (15 to 1,440) or the debrief (5 to 120), days for papers before (1 to 60), meetings for a spread of times (2 to 50); null for a default. Not for rush hours or ground rules.",
            ))
            .build(),
    );
    set(
        o,
        "not_counting",
        api::vocabulary_list_schema::<ActivityType>(),
    );
}

fn settings_draft(o: &mut Object) {
    let days = |min: i64, max: i64, description: &str| {
        Object::builder()
            .schema_type(SchemaType::from_iter([Type::Integer, Type::Null]))
            .minimum(Some(min))
            .maximum(Some(max))
            .description(Some(description))
            .build()
    };
    set(
        o,
        "feedback_days",
        days(
            1,
            365,
            "Days within which people hear what happened to what they said; default 28.",
        ),
    );
    set(
        o,
        "review_months",
        days(
            1,
            36,
            "The charter is reviewed at least this often, in months; default 12.",
        ),
    );
}

/// A charter key: 2 to 60 lowercase letters, digits and single hyphens, neither first
/// nor last.
fn charter_key() -> Object {
    Object::builder()
        .schema_type(SchemaType::new(Type::String))
        .pattern(Some("^[a-z0-9]+(?:-[a-z0-9]+)*$"))
        .min_length(Some(2))
        .max_length(Some(60))
        .description(Some(
            "2 to 60 lowercase letters, digits and hyphens, like las-pflas.",
        ))
        .build()
}

/// A string matching `pattern`, or null.
fn nullable_pattern(pattern: &str, description: &str) -> Object {
    Object::builder()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .pattern(Some(pattern))
        .description(Some(description))
        .build()
}

/// The white space the checks trim, as a character class body.
const WS: &str = api::SPACE;

/// An email address as `text::email` accepts it, or nothing but white space.
fn email_pattern() -> String {
    format!(r"^[{WS}]*(?:[^@{WS}]+@[^@.{WS}][^@{WS}]*\.[^@{WS}]*[^@.{WS}][{WS}]*)?$")
}

/// A phone number as `person::phone` accepts it, or nothing but white space.
fn phone_pattern() -> String {
    let sep = r"[ ()\-]*";
    format!(r"^[{WS}]*(?:\+{sep}(?:[0-9]{sep}){{8,15}}|{sep}0{sep}(?:[0-9]{sep}){{9,10}})?[{WS}]*$")
}

/// A full postcode as `person::postcode` accepts it (white space anywhere), or nothing
/// but white space.
fn postcode_pattern() -> String {
    let w = format!("[{WS}]*");
    format!(
        r"^{w}(?:(?:[A-Za-z]{w}){{1,2}}[0-9]{w}(?:[A-Za-z0-9]{w})?[0-9]{w}[A-Za-z]{w}[A-Za-z]{w})?$"
    )
}

/// The document as JSON text, for the CLI and tests.
pub fn openapi_json() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_default()
}

pub async fn serve() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// A full UK postcode, or null or empty for none, as the API's bodies take it.
pub(crate) fn optional_postcode_schema() -> Object {
    nullable_pattern(
        &postcode_pattern(),
        "A full UK postcode, like LE1 6WW, in any case and spacing; or null or empty for none.",
    )
}
