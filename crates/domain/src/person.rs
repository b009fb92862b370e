//! People known to an organisation. The participant register (profiles, access needs,
//! consent, equality monitoring) grows on this; here a person has a name, a role and
//! an optional email address.

use crate::vocabulary;

vocabulary! {
    /// Whether a person takes part as someone who uses services or works for one.
    pub enum PersonRole ("person role") {
        Participant => ("participant", "Participant"),
        Staff => ("staff", "Staff"),
    }
}

vocabulary! {
    /// Whether a person came to an activity.
    pub enum AttendanceStatus ("attendance status") {
        Invited => ("invited", "Invited"),
        Attended => ("attended", "Attended"),
        Absent => ("absent", "Did not attend"),
    }
}
