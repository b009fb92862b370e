//! Organisations that take part in co-production and sign charters.

use crate::vocabulary;

vocabulary! {
    /// What kind of body an organisation is.
    pub enum OrganisationKind ("organisation kind") {
        NhsTrust => ("nhs-trust", "NHS trust"),
        AmbulanceService => ("ambulance-service", "Ambulance service"),
        LocalAuthority => ("local-authority", "Local authority"),
        IntegratedCareBoard => ("integrated-care-board", "Integrated care board"),
        Healthwatch => ("healthwatch", "Healthwatch"),
        VoluntarySector => ("voluntary-sector", "Voluntary sector body"),
        PatientsForum => ("patients-forum", "Patients' forum"),
        NationalBody => ("national-body", "National body"),
    }
}
