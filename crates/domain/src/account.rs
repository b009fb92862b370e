//! Accounts and what each role may do.
//!
//! Roles are fixed; what a role may do is decided here, in one table, and checked on
//! the server for every page and API operation. An account belongs to one
//! organisation (an administrator to none: administrators see every organisation), and
//! sees that organisation's records only.

use crate::vocabulary;

vocabulary! {
    /// What someone signs in as.
    pub enum Role ("role") {
        Administrator => ("administrator", "Administrator"),
        InvolvementLead => ("involvement-lead", "Involvement lead"),
        Staff => ("staff", "Staff (project lead)"),
        Participant => ("participant", "Participant"),
        Partner => ("partner", "Partner organisation representative"),
        BoardViewer => ("board-viewer", "Board viewer"),
    }
}

/// Who is asking: someone signed in with a role, or the public.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Public,
    Signed(Role),
}

vocabulary! {
    /// The kinds of thing a request can do. Every route names one.
    pub enum Capability ("capability") {
        /// Read what is public: charters, their signatories, the accessibility statement.
        ReadPublic => ("read-public", "Read public pages"),
        /// Manage one's own account: sign out, password, second factor, tokens.
        OwnAccount => ("own-account", "Manage your own account"),
        /// Read the organisation's dashboard and indicators.
        ReadDashboard => ("read-dashboard", "Read the dashboard"),
        /// Read the organisation's projects, activities and inputs.
        ReadWork => ("read-work", "Read projects and activities"),
        /// Create and change projects, activities, attendance and inputs.
        WriteWork => ("write-work", "Record projects and activities"),
        /// Read the organisation's register of people.
        ReadPeople => ("read-people", "Read the register of people"),
        /// Create and change people in the register.
        WritePeople => ("write-people", "Change the register of people"),
        /// Read equality monitoring totals, suppressed: never a person's answers.
        ReadEquality => ("read-equality", "Read equality monitoring totals"),
        /// Adopt and change charters and record signatories.
        ManageCharters => ("manage-charters", "Manage charters"),
        /// Set the recognition policy: role tiers, rates, what is offered, expenses.
        ManageRecognition => ("manage-recognition", "Set the recognition policy"),
        /// Work out payments for taking part, and put one right by reversing it.
        ManagePayments => ("manage-payments", "Work out payments"),
        /// Create and change organisations and their settings.
        ManageOrganisations => ("manage-organisations", "Manage organisations"),
        /// Invite people to accounts and change their roles.
        ManageAccounts => ("manage-accounts", "Manage accounts"),
        /// Watch over Coproduce itself: the job queue and the audit trail.
        Oversee => ("oversee", "Read the job queue and the audit trail"),
    }
}

impl Role {
    /// Whether the role may do this, within its organisation.
    pub fn can(self, c: Capability) -> bool {
        use Capability as C;
        use Role as R;
        match c {
            C::ReadPublic | C::OwnAccount => true,
            C::ReadDashboard => matches!(
                self,
                R::Administrator | R::InvolvementLead | R::Staff | R::BoardViewer | R::Partner
            ),
            C::ReadWork => matches!(
                self,
                R::Administrator | R::InvolvementLead | R::Staff | R::BoardViewer
            ),
            C::WriteWork | C::ManagePayments => {
                matches!(self, R::Administrator | R::InvolvementLead | R::Staff)
            }
            C::ReadPeople => matches!(self, R::Administrator | R::InvolvementLead | R::Staff),
            C::WritePeople => matches!(self, R::Administrator | R::InvolvementLead),
            C::ReadEquality => {
                matches!(self, R::Administrator | R::InvolvementLead | R::BoardViewer)
            }
            C::ManageCharters | C::ManageRecognition => {
                matches!(self, R::Administrator | R::InvolvementLead)
            }
            C::ManageOrganisations | C::ManageAccounts | C::Oversee => {
                matches!(self, R::Administrator)
            }
        }
    }

    /// Whether the role is a staff role, for which an organisation can require a
    /// second factor.
    pub fn is_staff(self) -> bool {
        matches!(
            self,
            Role::Administrator | Role::InvolvementLead | Role::Staff
        )
    }

    /// Whether the role sees every organisation rather than its own.
    pub fn sees_every_organisation(self) -> bool {
        self == Role::Administrator
    }
}

impl Audience {
    pub fn can(self, c: Capability) -> bool {
        match self {
            Audience::Public => c == Capability::ReadPublic,
            Audience::Signed(r) => r.can(c),
        }
    }
}

/// Why a new password was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    #[error("must be at least 10 characters long")]
    TooShort,
    #[error("must be 200 characters or fewer")]
    TooLong,
    #[error("is too easy to guess: try three or four random words")]
    TooEasy,
}

/// Checks a new password: long enough to resist guessing, short enough to hash, and
/// not one of the passwords most often tried.
pub fn check_password(p: &str) -> Result<(), PasswordProblem> {
    let n = p.chars().count();
    if n < 10 {
        return Err(PasswordProblem::TooShort);
    }
    if n > 200 {
        return Err(PasswordProblem::TooLong);
    }
    let lower = p.to_lowercase();
    const COMMON: [&str; 8] = [
        "password",
        "1234567890",
        "qwertyuiop",
        "letmein123",
        "iloveyou12",
        "password12",
        "welcome123",
        "0987654321",
    ];
    if COMMON.iter().any(|c| lower.starts_with(c))
        || p.chars().all(|c| c == p.chars().next().unwrap_or(' '))
    {
        return Err(PasswordProblem::TooEasy);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vocabulary;

    #[test]
    fn the_public_reads_public_pages_only() {
        for c in Capability::ALL {
            assert_eq!(
                Audience::Public.can(*c),
                *c == Capability::ReadPublic,
                "{c:?}"
            );
        }
    }

    #[test]
    fn only_administrators_manage_accounts_and_organisations() {
        for r in Role::ALL {
            assert_eq!(r.can(Capability::ManageAccounts), *r == Role::Administrator);
            assert_eq!(
                r.can(Capability::ManageOrganisations),
                *r == Role::Administrator
            );
        }
    }

    #[test]
    fn participants_see_no_one_elses_records() {
        for c in [
            Capability::ReadWork,
            Capability::ReadPeople,
            Capability::ReadDashboard,
            Capability::WriteWork,
        ] {
            assert!(!Role::Participant.can(c), "{c:?}");
        }
    }

    #[test]
    fn passwords() {
        assert!(check_password("correct horse battery").is_ok());
        assert!(check_password("short").is_err());
        assert!(check_password("Password123!").is_err());
        assert!(check_password("aaaaaaaaaaaa").is_err());
        assert!(check_password(&"x1".repeat(101)).is_err());
    }
}
