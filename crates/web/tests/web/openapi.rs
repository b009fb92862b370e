//! The OpenAPI document is a contract clients can be generated from: it matches the
//! route table operation for operation, names each operation uniquely, and documents
//! every status each operation can answer.

use std::collections::{BTreeMap, BTreeSet};

use coproduce_domain::account::Capability;
use serde_json::Value;

fn document() -> Value {
    serde_json::from_str(&coproduce_web::openapi_json()).unwrap()
}

/// Every operation in the document: (METHOD, path) to the operation.
fn operations(doc: &Value) -> BTreeMap<(String, String), Value> {
    let mut ops = BTreeMap::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if ["get", "put", "post", "delete", "patch", "head", "options"]
                .contains(&method.as_str())
            {
                ops.insert((method.to_uppercase(), path.clone()), op.clone());
            }
        }
    }
    ops
}

/// Follows a `$ref` within the document.
fn resolve<'a>(doc: &'a Value, v: &'a Value) -> &'a Value {
    match v["$ref"].as_str() {
        Some(r) => {
            let mut at = doc;
            for part in r.trim_start_matches("#/").split('/') {
                at = &at[part];
            }
            at
        }
        None => v,
    }
}

#[test]
fn operation_ids_are_unique_and_named_for_what_they_do() {
    let doc = document();
    let mut seen = BTreeSet::new();
    for ((method, path), op) in operations(&doc) {
        let id = op["operationId"]
            .as_str()
            .unwrap_or_else(|| panic!("{method} {path} has no operationId"));
        assert!(
            seen.insert(id.to_string()),
            "operationId {id} is used twice"
        );
        // camelCase, a verb first, never the Rust function's bare name.
        assert!(
            id.chars().next().unwrap().is_ascii_lowercase()
                && id.chars().all(|c| c.is_ascii_alphanumeric())
                && id.chars().any(|c| c.is_ascii_uppercase()),
            "{method} {path}: operationId {id} is not camelCase naming its record"
        );
        let verbs = [
            "list",
            "get",
            "create",
            "update",
            "set",
            "add",
            "adopt",
            "publish",
            "cancel",
            "send",
            "ask",
            "remove",
            "invite",
            "record",
            "close",
            "book",
            "apply",
            "withdraw",
            "decide",
            "respond",
            "unpublish",
            "open",
            "approve",
        ];
        assert!(
            verbs.iter().any(|v| id.starts_with(v)),
            "{method} {path}: operationId {id} does not start with a verb"
        );
    }
}

#[test]
fn every_api_route_has_an_operation_and_every_operation_a_route() {
    let doc = document();
    let documented: BTreeSet<(String, String)> = operations(&doc).into_keys().collect();
    let routed: BTreeSet<(String, String)> = coproduce_web::routes::table()
        .iter()
        .filter(|e| e.path.starts_with("/api/v1/"))
        .map(|e| (e.method.to_string(), e.path.to_string()))
        .collect();
    let undocumented: Vec<_> = routed.difference(&documented).collect();
    let unrouted: Vec<_> = documented.difference(&routed).collect();
    assert!(
        undocumented.is_empty(),
        "routes with no operation: {undocumented:?}"
    );
    assert!(
        unrouted.is_empty(),
        "operations with no route: {unrouted:?}"
    );
}

#[test]
fn every_operation_documents_the_statuses_it_can_answer() {
    let doc = document();
    let ops = operations(&doc);
    let table = coproduce_web::routes::table();
    for ((method, path), op) in &ops {
        let route = table
            .iter()
            .find(|e| e.method.as_str() == method && e.path == path)
            .unwrap();
        let what = format!("{method} {path}");
        let responses = op["responses"].as_object().unwrap();
        let has = |status: &str| responses.contains_key(status);
        let public = route.capability == Capability::ReadPublic;
        let params = op["parameters"].as_array().cloned().unwrap_or_default();
        let in_path = params.iter().any(|p| p["in"] == "path");
        let in_query = params.iter().any(|p| p["in"] == "query");
        let body = op.get("requestBody").is_some();

        // Success: 201 for what creates a record, 200 otherwise.
        assert!(has("200") || has("201"), "{what} documents no success");
        if !public {
            assert!(has("401"), "{what} needs a token but does not document 401");
            assert!(has("403"), "{what} needs a role but does not document 403");
            let security = op["security"].as_array();
            assert!(
                security.is_some_and(|s| s.iter().any(|r| r.get("bearer").is_some())),
                "{what} needs a token but does not say so in `security`"
            );
        } else {
            assert!(!has("401") && !has("403"), "{what} is public");
            assert!(op.get("security").is_none(), "{what} is public");
        }
        if in_path {
            assert!(has("404"), "{what} has an id in its path but no 404");
        }
        if body {
            assert!(has("400"), "{what} takes a body but does not document 400");
            assert!(has("422"), "{what} takes a body but does not document 422");
            assert_eq!(
                op["requestBody"]["required"], true,
                "{what}: the body is required"
            );
        }
        if in_query {
            // A query string that cannot be parsed is 400; a bad value is 422.
            assert!(has("400"), "{what} reads a query but does not document 400");
            assert!(has("422"), "{what} reads a query but does not document 422");
        }
        for (status, response) in responses {
            let response = resolve(&doc, response);
            let content = response["content"].as_object();
            if status.starts_with('4') || status.starts_with('5') {
                let content = content.unwrap_or_else(|| panic!("{what} {status} has no body"));
                assert_eq!(
                    content.keys().collect::<Vec<_>>(),
                    ["application/problem+json"],
                    "{what} {status} must be a problem report"
                );
                assert_eq!(
                    content["application/problem+json"]["schema"]["$ref"],
                    "#/components/schemas/Problem",
                    "{what} {status}"
                );
            } else {
                assert!(
                    content.is_some_and(|c| c.contains_key("application/json")),
                    "{what} {status} must be JSON"
                );
            }
            assert!(
                response["description"]
                    .as_str()
                    .is_some_and(|d| !d.is_empty()),
                "{what} {status} has no description"
            );
        }
    }
}

/// Operations that can meet a duplicate document 409.
#[test]
fn duplicates_are_documented_where_they_can_happen() {
    let doc = document();
    let ops = operations(&doc);
    for (method, path) in [
        ("POST", "/api/v1/charters"),
        ("POST", "/api/v1/charters/{id}/signatories"),
        ("POST", "/api/v1/charter-templates/{key}/adopt"),
    ] {
        let op = &ops[&(method.to_string(), path.to_string())];
        assert!(
            op["responses"].get("409").is_some(),
            "{method} {path} can meet a duplicate but does not document 409"
        );
    }
}

#[test]
fn parameters_and_fields_have_their_real_types() {
    let doc = document();
    for ((method, path), op) in operations(&doc) {
        for p in op["parameters"].as_array().cloned().unwrap_or_default() {
            let name = p["name"].as_str().unwrap();
            let is_id = name == "id" || name.ends_with("_id") || name == "network";
            if is_id || name == "limit" || name == "after" {
                assert_eq!(
                    p["schema"]["type"], "integer",
                    "{method} {path}: parameter {name} is a whole number"
                );
                assert!(
                    p["schema"]["minimum"].is_number(),
                    "{method} {path}: parameter {name} has a lowest value"
                );
            }
            if p["in"] == "path" {
                assert_eq!(p["required"], true, "{method} {path}: {name}");
            }
        }
    }
    let schemas = &doc["components"]["schemas"];
    // Nullable fields say so, in OpenAPI 3.1's way.
    let summary = &schemas["CharterSummaryOut"]["properties"]["summary"]["type"];
    assert_eq!(summary, &serde_json::json!(["string", "null"]));
    let next = &schemas["ListOut_ProjectOut"]["properties"]["next"]["type"];
    assert!(
        next.is_null() || next == &serde_json::json!(["string", "null"]),
        "{next}"
    );
    // Enumerations list their values.
    for (schema, field) in [
        ("ActivityBody", "rung"),
        ("ActivityOut", "mode"),
        ("ProjectBody", "stage"),
        ("OrganisationOut", "kind"),
        ("SignatoryOut", "status"),
        ("AttendanceBody", "status"),
        ("NetworkOut", "kind"),
        ("CourseOut", "audience"),
    ] {
        let values = &schemas[schema]["properties"][field]["enum"];
        assert!(
            values.as_array().is_some_and(|v| !v.is_empty()),
            "{schema}.{field} lists no values: {values}"
        );
    }
    let roles = &schemas["PersonDraft"]["properties"]["roles"];
    assert!(
        roles["items"]["enum"]
            .as_array()
            .is_some_and(|v| v.len() > 1)
    );
    assert_eq!(roles["minItems"], 1);
    // Dates and times say their format.
    assert_eq!(
        schemas["InputOut"]["properties"]["received_on"]["format"],
        "date"
    );
    assert_eq!(
        schemas["ProjectOut"]["properties"]["created_at"]["format"],
        "date-time"
    );
    // Ids in bodies start at 1.
    assert_eq!(
        schemas["ProjectBody"]["properties"]["organisation_id"]["minimum"],
        1
    );
}

#[test]
fn the_token_scheme_is_described() {
    let doc = document();
    let scheme = &doc["components"]["securitySchemes"]["bearer"];
    assert_eq!(scheme["type"], "http");
    assert_eq!(scheme["scheme"], "bearer");
}

#[test]
fn no_two_schemas_share_a_name() {
    // The document keys each schema by its type's name, so two types of one name
    // would leave one operation described with the other's shape.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/api");
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut derives_schema = false;
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with("#[derive(") {
                derives_schema = line.contains("ToSchema");
            } else if let Some(rest) = line.strip_prefix("pub struct ") {
                if derives_schema {
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    assert!(
                        seen.insert(name.clone()),
                        "two schemas are named {name} (one in {})",
                        path.display()
                    );
                }
                derives_schema = false;
            }
        }
    }
    assert!(seen.contains("InputOut"));
}
