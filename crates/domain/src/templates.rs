//! The five built-in charter templates, written from their source documents in the
//! charter file format and compiled into the program.

use crate::charter::Charter;
use crate::charter_file;

/// The files, by key. Each is checked by the tests below, so a broken template can
/// never ship.
const FILES: [(&str, &str); 5] = [
    ("las-pflas", include_str!("../templates/las-pflas.toml")),
    (
        "hackney-city",
        include_str!("../templates/hackney-city.toml"),
    ),
    (
        "lpt-involvement",
        include_str!("../templates/lpt-involvement.toml"),
    ),
    ("scie", include_str!("../templates/scie.toml")),
    ("tlap-ladder", include_str!("../templates/tlap-ladder.toml")),
];

/// The keys of the built-in templates, in a fixed order.
pub fn keys() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|(k, _)| *k)
}

/// A built-in template by key.
pub fn get(key: &str) -> Option<Charter> {
    FILES
        .iter()
        .find(|(k, _)| *k == key)
        .and_then(|(_, src)| charter_file::parse(src).ok())
}

/// Every built-in template.
pub fn all() -> Vec<Charter> {
    keys().filter_map(get).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vocabulary;
    use crate::ladder::Rung;

    #[test]
    fn every_template_parses_and_round_trips() {
        for (key, src) in FILES {
            let c = charter_file::parse(src).unwrap_or_else(|e| panic!("{key}: {e}"));
            assert_eq!(c.key, key);
            assert_eq!(charter_file::parse(&charter_file::write(&c)).unwrap(), c);
        }
        assert_eq!(all().len(), 5);
    }

    #[test]
    fn las_charter_has_sections_a_to_h() {
        let c = get("las-pflas").unwrap();
        let keys: Vec<_> = c.sections.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["A", "B", "C", "D", "E", "F", "G", "H"]);
    }

    #[test]
    fn the_ladder_template_has_the_seven_rungs_in_order() {
        let c = get("tlap-ladder").unwrap();
        let rungs: Vec<_> = c.sections[0]
            .commitments
            .iter()
            .filter_map(|m| m.rung)
            .collect();
        assert_eq!(rungs, Rung::ALL);
    }

    #[test]
    fn the_lpt_template_carries_the_meeting_rules_it_states() {
        use crate::meeting_rules::RuleKind;
        let c = get("lpt-involvement").unwrap();
        let rules: Vec<(&str, RuleKind, Option<i64>)> = c
            .meeting_rules()
            .map(|(m, r)| (m.key.as_str(), r.kind, r.amount))
            .collect();
        assert_eq!(
            rules,
            [
                ("GR1", RuleKind::GroundRules, None),
                ("GR7", RuleKind::LongestFaceToFace, Some(180)),
                ("GR7", RuleKind::LongestOnline, Some(120)),
                ("GR10", RuleKind::Debrief, Some(20)),
                ("PV3", RuleKind::SpreadOfTimes, Some(3)),
            ]
        );
        // Rush hours come from the London Ambulance Service charter, which names no
        // times: the default ones apply.
        let las = get("las-pflas").unwrap();
        let (m, r) = las.meeting_rules().next().unwrap();
        assert_eq!((m.key.as_str(), r.kind), ("F4", RuleKind::RushHours));
        assert_eq!(r.windows, crate::meeting_rules::default_rush_hours());
    }
}
