//! The ladder of co-production (Think Local Act Personal), the level at which
//! involvement happens, and the stage of a project.
//!
//! Every activity declares one rung, honestly: a consultation is never labelled
//! co-production. The rungs are ordered bottom to top, so `Rung::Consultation <
//! Rung::CoProduction` holds.

use crate::vocabulary;

vocabulary! {
    /// The seven rungs of the ladder of co-production, bottom to top.
    pub enum Rung ("rung") {
        Coercion => ("coercion", "Coercion"),
        Educating => ("educating", "Educating"),
        Informing => ("informing", "Informing"),
        Consultation => ("consultation", "Consultation"),
        Engagement => ("engagement", "Engagement"),
        CoDesign => ("co-design", "Co-design"),
        CoProduction => ("co-production", "Co-production"),
    }
}

impl Rung {
    /// A one-line reminder of what the rung means, in plain words.
    pub fn meaning(self) -> &'static str {
        match self {
            Rung::Coercion => {
                "People attend as passive recipients; their views are not taken into account."
            }
            Rung::Educating => {
                "People are helped to understand how services are designed and delivered."
            }
            Rung::Informing => "People are told about services and about decisions made, and why.",
            Rung::Consultation => {
                "People are asked for their views, but may not have the power to change things."
            }
            Rung::Engagement => {
                "People have more chances to give views and may influence some decisions."
            }
            Rung::CoDesign => {
                "People help design services from their experience, with real influence."
            }
            Rung::CoProduction => {
                "An equal relationship: people share decisions from design to delivery."
            }
        }
    }

    /// Position on the ladder, 1 (bottom) to 7 (top).
    pub fn step(self) -> u8 {
        self as u8 + 1
    }
}

vocabulary! {
    /// The level at which co-production happens.
    pub enum Level ("level") {
        Strategic => ("strategic", "Strategic"),
        Service => ("service", "Service design and development"),
        Individual => ("individual", "Individual care"),
    }
}

vocabulary! {
    /// The stage a project has reached. "Involved from the start" means the first
    /// involvement came at initiation or design.
    pub enum Stage ("stage") {
        Initiation => ("initiation", "Initiation"),
        Design => ("design", "Design"),
        Development => ("development", "Development"),
        Commissioning => ("commissioning", "Commissioning"),
        Delivery => ("delivery", "Delivery"),
        Review => ("review", "Review"),
    }
}

impl Stage {
    /// Whether involvement that starts at this stage counts as "from the start".
    pub fn is_from_the_start(self) -> bool {
        matches!(self, Stage::Initiation | Stage::Design)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vocabulary;

    #[test]
    fn rungs_are_ordered_bottom_to_top() {
        let slugs: Vec<_> = Rung::ALL.iter().map(|r| r.slug()).collect();
        assert_eq!(
            slugs,
            [
                "coercion",
                "educating",
                "informing",
                "consultation",
                "engagement",
                "co-design",
                "co-production"
            ]
        );
        assert!(Rung::Consultation < Rung::CoProduction);
        assert_eq!(Rung::Coercion.step(), 1);
        assert_eq!(Rung::CoProduction.step(), 7);
    }

    #[test]
    fn unknown_rung_lists_the_rungs() {
        let err = Rung::parse("co-operation").unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown rung \"co-operation\"; expected one of coercion, educating, informing, consultation, engagement, co-design, co-production"
        );
    }

    #[test]
    fn from_the_start_means_initiation_or_design() {
        let early: Vec<_> = Stage::ALL
            .iter()
            .filter(|s| s.is_from_the_start())
            .collect();
        assert_eq!(early, [&Stage::Initiation, &Stage::Design]);
    }
}
