//! Who is acting, what their role allows, and which organisation's records they
//! may know of: the one home of organisation scoping.
//!
//! Every operation takes an [`Actor`]. [`Actor::require`] checks a capability
//! against the role table (`Role::can`, in the domain); [`Actor::visible`] answers
//! [`AppError::NotFound`] for a record of an organisation the actor does not see, so
//! another organisation's record does not exist for them, on every page, API call and
//! command alike; [`Actor::scope`] narrows a list. Nothing else decides these.

use coproduce_domain::account::{Audience, Capability, Role};

use crate::AppError;

/// Who is acting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actor {
    /// The signed-in account; `None` for the public and for the system.
    pub account_id: Option<i64>,
    /// The account's role; `None` for the public and for the system.
    pub role: Option<Role>,
    /// The organisation the account belongs to (administrators belong to none).
    pub organisation_id: Option<i64>,
    /// The register entry of the person who holds the account, if linked.
    pub person_id: Option<i64>,
    /// The network address a request came from, for the audit trail.
    pub address: Option<String>,
    /// Coproduce itself: a job or the command line, run by whoever runs the server.
    pub system: bool,
}

impl Actor {
    /// Someone not signed in.
    pub fn public(address: Option<String>) -> Actor {
        Actor {
            address,
            ..Actor::default()
        }
    }

    /// Coproduce itself: a job, or a command run on the server.
    pub fn system() -> Actor {
        Actor {
            system: true,
            ..Actor::default()
        }
    }

    /// A signed-in account.
    pub fn account(
        account_id: i64,
        role: Role,
        organisation_id: Option<i64>,
        person_id: Option<i64>,
        address: Option<String>,
    ) -> Actor {
        Actor {
            account_id: Some(account_id),
            role: Some(role),
            organisation_id,
            person_id,
            address,
            system: false,
        }
    }

    pub fn audience(&self) -> Audience {
        match self.role {
            Some(r) => Audience::Signed(r),
            None => Audience::Public,
        }
    }

    /// Whether the actor may do this.
    pub fn can(&self, c: Capability) -> bool {
        self.system || self.audience().can(c)
    }

    /// [`AppError::Forbidden`] unless the actor may do this.
    pub fn require(&self, c: Capability) -> Result<(), AppError> {
        if self.can(c) {
            Ok(())
        } else {
            Err(AppError::Forbidden(c))
        }
    }

    /// Whether the actor sees every organisation's records.
    pub fn sees_every_organisation(&self) -> bool {
        self.system || self.role.is_some_and(Role::sees_every_organisation)
    }

    /// Whether the actor may know of records of this organisation.
    pub fn sees(&self, organisation_id: i64) -> bool {
        self.sees_every_organisation()
            || (self.role.is_some() && self.organisation_id == Some(organisation_id))
    }

    /// [`AppError::NotFound`] unless the actor may know of this organisation's
    /// records: another organisation's record does not exist for them.
    pub fn visible(&self, organisation_id: i64) -> Result<(), AppError> {
        if self.sees(organisation_id) {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }

    /// The organisation a list must be narrowed to: the one asked for if the actor
    /// sees it; the actor's own when none was asked for; `None` (every organisation)
    /// only for those who see every organisation and asked for no narrowing. Asking
    /// for an organisation one does not see is [`AppError::NotFound`].
    pub fn scope(&self, asked: Option<i64>) -> Result<Option<i64>, AppError> {
        match asked {
            _ if self.sees_every_organisation() => Ok(asked),
            _ if self.role.is_none() => Err(AppError::NotFound),
            Some(org) if self.organisation_id == Some(org) => Ok(Some(org)),
            Some(_) => Err(AppError::NotFound),
            // An account without an organisation sees no organisation's records.
            None => Ok(Some(self.organisation_id.unwrap_or(0))),
        }
    }

    /// The role's slug, for the audit trail.
    pub fn role_slug(&self) -> Option<String> {
        use coproduce_domain::Vocabulary;
        if self.system {
            Some("system".into())
        } else {
            self.role.map(|r| r.slug().to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_organisations_record_does_not_exist() {
        let lead = Actor::account(1, Role::InvolvementLead, Some(7), None, None);
        assert!(lead.visible(7).is_ok());
        assert!(matches!(lead.visible(8), Err(AppError::NotFound)));
        assert_eq!(lead.scope(None).ok(), Some(Some(7)));
        assert!(matches!(lead.scope(Some(8)), Err(AppError::NotFound)));
        let admin = Actor::account(2, Role::Administrator, None, None, None);
        assert!(admin.visible(8).is_ok());
        assert_eq!(admin.scope(None).ok(), Some(None));
        assert_eq!(admin.scope(Some(8)).ok(), Some(Some(8)));
        let public = Actor::public(None);
        assert!(matches!(public.visible(7), Err(AppError::NotFound)));
        assert!(Actor::system().visible(7).is_ok());
    }

    #[test]
    fn roles_are_checked_against_the_table() {
        let viewer = Actor::account(1, Role::BoardViewer, Some(7), None, None);
        assert!(viewer.require(Capability::ReadWork).is_ok());
        assert!(matches!(
            viewer.require(Capability::WriteWork),
            Err(AppError::Forbidden(Capability::WriteWork))
        ));
        assert!(Actor::system().require(Capability::ManageAccounts).is_ok());
    }
}
