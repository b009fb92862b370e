//! Which organisation a record belongs to, for every kind of record an address can
//! name: one query each, by primary key, through its parents where it has no
//! organisation of its own.
//!
//! This module answers only "whose is it"; whether someone may see it is decided in
//! the application layer (`coproduce_app::scope`).

use crate::{Store, StoreError};

/// A kind of record that belongs to one organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Owned {
    Organisation,
    Person,
    Project,
    Activity,
    Input,
    Network,
    Membership,
    Course,
    Consent,
    Need,
    /// A spreadsheet kept between an import's dry run and the import.
    Import,
    /// A session of a course.
    TrainingSession,
    /// A person's completion of a course.
    Completion,
    /// A version of a network's charter or code of conduct.
    Document,
    /// A place activities are held.
    Venue,
    /// A person's invitation to an activity.
    Invitation,
    /// A paper of an activity.
    Paper,
    /// A role offered to participants.
    Opportunity,
    /// Whom a response to an input was to reach.
    Told,
    /// A change inputs led to.
    Outcome,
    /// A file of evidence of an outcome.
    Evidence,
    /// A feedback form a project publishes.
    SaidForm,
    /// An entry of the payments ledger.
    Payment,
}

impl Owned {
    pub const ALL: [Owned; 23] = [
        Owned::Organisation,
        Owned::Person,
        Owned::Project,
        Owned::Activity,
        Owned::Input,
        Owned::Network,
        Owned::Membership,
        Owned::Course,
        Owned::Consent,
        Owned::Need,
        Owned::Import,
        Owned::TrainingSession,
        Owned::Completion,
        Owned::Document,
        Owned::Venue,
        Owned::Invitation,
        Owned::Paper,
        Owned::Opportunity,
        Owned::Told,
        Owned::Outcome,
        Owned::Evidence,
        Owned::SaidForm,
        Owned::Payment,
    ];

    /// Its name in messages and the audit trail.
    pub fn noun(self) -> &'static str {
        match self {
            Owned::Organisation => "organisation",
            Owned::Person => "person",
            Owned::Project => "project",
            Owned::Activity => "activity",
            Owned::Input => "input",
            Owned::Network => "network",
            Owned::Membership => "membership",
            Owned::Course => "course",
            Owned::Consent => "consent",
            Owned::Need => "need",
            Owned::Import => "import",
            Owned::TrainingSession => "training session",
            Owned::Completion => "completion",
            Owned::Document => "document",
            Owned::Venue => "venue",
            Owned::Invitation => "invitation",
            Owned::Paper => "paper",
            Owned::Opportunity => "opportunity",
            Owned::Told => "person told",
            Owned::Outcome => "outcome",
            Owned::Evidence => "evidence",
            Owned::SaidForm => "feedback form",
            Owned::Payment => "payment",
        }
    }

    fn sql(self) -> &'static str {
        match self {
            Owned::Organisation => "SELECT id FROM organisations WHERE id = $1",
            Owned::Person => "SELECT organisation_id FROM people WHERE id = $1",
            Owned::Project => "SELECT organisation_id FROM projects WHERE id = $1",
            Owned::Activity => {
                "SELECT p.organisation_id FROM activities a JOIN projects p ON p.id = a.project_id WHERE a.id = $1"
            }
            Owned::Input => "SELECT organisation_id FROM inputs WHERE id = $1",
            Owned::Network => "SELECT organisation_id FROM networks WHERE id = $1",
            Owned::Membership => {
                "SELECT n.organisation_id FROM memberships m JOIN networks n ON n.id = m.network_id WHERE m.id = $1"
            }
            Owned::Course => "SELECT organisation_id FROM courses WHERE id = $1",
            Owned::Consent => {
                "SELECT p.organisation_id FROM consents c JOIN people p ON p.id = c.person_id WHERE c.id = $1"
            }
            Owned::Need => {
                "SELECT p.organisation_id FROM person_needs n JOIN people p ON p.id = n.person_id WHERE n.id = $1"
            }
            Owned::Import => "SELECT organisation_id FROM pending_imports WHERE id = $1",
            Owned::TrainingSession => {
                "SELECT c.organisation_id FROM training_sessions s JOIN courses c ON c.id = s.course_id WHERE s.id = $1"
            }
            Owned::Completion => {
                "SELECT c.organisation_id FROM completions x JOIN courses c ON c.id = x.course_id WHERE x.id = $1"
            }
            Owned::Document => {
                "SELECT n.organisation_id FROM network_documents d JOIN networks n ON n.id = d.network_id WHERE d.id = $1"
            }
            Owned::Venue => "SELECT organisation_id FROM venues WHERE id = $1",
            Owned::Invitation => {
                "SELECT p.organisation_id FROM invitations i JOIN activities a ON a.id = i.activity_id JOIN projects p ON p.id = a.project_id WHERE i.id = $1"
            }
            Owned::Paper => {
                "SELECT p.organisation_id FROM papers x JOIN activities a ON a.id = x.activity_id JOIN projects p ON p.id = a.project_id WHERE x.id = $1"
            }
            Owned::Opportunity => "SELECT organisation_id FROM opportunities WHERE id = $1",
            Owned::Told => {
                "SELECT i.organisation_id FROM input_told t JOIN inputs i ON i.id = t.input_id WHERE t.id = $1"
            }
            Owned::Outcome => "SELECT organisation_id FROM outcomes WHERE id = $1",
            Owned::Evidence => {
                "SELECT o.organisation_id FROM outcome_evidence e JOIN outcomes o ON o.id = e.outcome_id WHERE e.id = $1"
            }
            Owned::SaidForm => "SELECT organisation_id FROM said_forms WHERE id = $1",
            Owned::Payment => "SELECT organisation_id FROM payments WHERE id = $1",
        }
    }
}

impl Store {
    /// The organisation a record belongs to, or [`StoreError::NotFound`].
    pub async fn owner_of(&self, kind: Owned, id: i64) -> Result<i64, StoreError> {
        on_pool!(self, |p| {
            sqlx::query_scalar::<_, i64>(kind.sql())
                .bind(id)
                .fetch_optional(p)
                .await
        })?
        .ok_or(StoreError::NotFound)
    }
}
