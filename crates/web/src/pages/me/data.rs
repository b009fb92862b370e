//! `/me/data.json`: everything held about a person, as the JSON file they download
//! (UK GDPR right of access). Each part is read in one query.

#[allow(unused_imports)]
use super::*;

/// Everything held about a person, as the JSON they download.
#[derive(Serialize)]
struct MyData {
    exported_at: String,
    account: AccountData,
    person: Option<crate::api::people::PersonOut>,
    needs: Vec<NeedData>,
    consents: Vec<ConsentData>,
    equality_answers: Option<std::collections::BTreeMap<&'static str, String>>,
    activities: Vec<ActivityData>,
    networks: Vec<NetworkData>,
    training: Vec<TrainingData>,
}

#[derive(Serialize)]
struct NetworkData {
    network: String,
    role: &'static str,
    joined_on: String,
    left_on: Option<String>,
    inducted_on: Option<String>,
    inducted_by: Option<String>,
    signed: Vec<SignedData>,
    stood_down: Vec<StoodDownData>,
}

#[derive(Serialize)]
struct SignedData {
    document: &'static str,
    title: String,
    version: String,
    signed_on: String,
}

#[derive(Serialize)]
struct StoodDownData {
    stood_down_on: String,
    reason: String,
    review_on: Option<String>,
    reinstated_on: Option<String>,
}

#[derive(Serialize)]
struct TrainingData {
    course: String,
    completed_on: String,
    expires_on: Option<String>,
}

#[derive(Serialize)]
struct AccountData {
    email: String,
    name: String,
    role: &'static str,
    created_at: String,
}

#[derive(Serialize)]
struct NeedData {
    need: &'static str,
    label: &'static str,
    snomed_ct: Option<&'static str>,
    language: Option<&'static str>,
    detail: Option<String>,
}

#[derive(Serialize)]
struct ConsentData {
    purpose: &'static str,
    given_on: String,
    method: &'static str,
    given_by: Option<String>,
    withdrawn_on: Option<String>,
}

#[derive(Serialize)]
struct ActivityData {
    title: String,
    starts_at: String,
    status: &'static str,
}

pub(super) async fn my_data(State(state): State<AppState>, viewer: Viewer) -> Response {
    let result = async {
        let Some(account) = viewer.account().cloned() else {
            return Err(PageError::NotFound);
        };
        let person = own_person(&state, &viewer).await?;
        let mut data = MyData {
            exported_at: coproduce_domain::time::machine(state.ctx.now()),
            account: AccountData {
                email: account.email.clone(),
                name: account.name.clone(),
                role: account.role.slug(),
                created_at: coproduce_domain::time::machine(account.created_at),
            },
            person: None,
            needs: vec![],
            consents: vec![],
            equality_answers: None,
            activities: vec![],
            networks: vec![],
            training: vec![],
        };
        if let Some(p) = person {
            let id = p.id;
            // The download is an export of special category data: it is audited.
            coproduce_app::people::record_own_export(&state.ctx, &viewer.actor()).await?;
            data.needs = state
                .store
                .needs_of(id)
                .await?
                .into_iter()
                .map(|n| NeedData {
                    need: n.need.slug(),
                    label: n.need.label(),
                    snomed_ct: n.need.snomed(),
                    language: n.language.map(Vocabulary::slug),
                    detail: n.detail,
                })
                .collect();
            data.consents = state
                .store
                .consents_of(id)
                .await?
                .into_iter()
                .map(|c| ConsentData {
                    purpose: c.purpose.slug(),
                    given_on: c.given_on.to_string(),
                    method: c.method.slug(),
                    given_by: c.given_by,
                    withdrawn_on: c.withdrawn_on.map(|d| d.to_string()),
                })
                .collect();
            data.equality_answers = state
                .store
                .equality_of(id)
                .await?
                .map(|a| a.pairs().into_iter().collect());
            data.activities = state
                .store
                .taken_part(id)
                .await?
                .into_iter()
                .map(|t| ActivityData {
                    title: t.title,
                    starts_at: coproduce_domain::time::machine(t.starts_at),
                    status: t.status.slug(),
                })
                .collect();
            let signed = state.store.signatures_of_person(id).await?;
            let stood_down = state.store.stand_downs_of_person(id).await?;
            let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
            data.networks = state
                .store
                .memberships_of(id)
                .await?
                .into_iter()
                .map(|m| NetworkData {
                    signed: signed
                        .iter()
                        .filter(|(ms, _)| *ms == m.id)
                        .map(|(_, s)| SignedData {
                            document: s.document.kind.slug(),
                            title: s.document.title.clone(),
                            version: s.document.version.clone(),
                            signed_on: s.signed_on.to_string(),
                        })
                        .collect(),
                    stood_down: stood_down
                        .iter()
                        .filter(|s| s.membership_id == m.id)
                        .map(|s| StoodDownData {
                            stood_down_on: s.stood_down_on.to_string(),
                            reason: s.reason.clone(),
                            review_on: day(s.review_on),
                            reinstated_on: day(s.reinstated_on),
                        })
                        .collect(),
                    network: m.network_name,
                    role: m.role.slug(),
                    joined_on: m.joined_on.to_string(),
                    left_on: day(m.left_on),
                    inducted_on: day(m.inducted_on),
                    inducted_by: m.inducted_by,
                })
                .collect();
            data.training = state
                .store
                .completions_of(id)
                .await?
                .into_iter()
                .map(|c| TrainingData {
                    course: c.course_title,
                    completed_on: c.completed_on.to_string(),
                    expires_on: day(c.expires_on),
                })
                .collect();
            data.person = Some(p.into());
        }
        let body = serde_json::to_vec_pretty(&data)
            .map_err(|e| PageError::Internal(crate::ApiError::internal(&e).reference()))?;
        Ok((
            [
                (header::CONTENT_TYPE, "application/json"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"my-coproduce-data.json\"",
                ),
            ],
            body,
        )
            .into_response())
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
