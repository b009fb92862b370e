//! Access and communication needs, in the vocabulary of the NHS Accessible
//! Information Standard (DAPB1605): a specific contact method, an information format,
//! a communication professional, communication support. Each carries the SNOMED CT
//! code the NHS Reasonable Adjustment Flag uses for it, where there is one. Venue and
//! timing needs, which the standard does not cover, complete the list.
//!
//! A need is shared with activity organisers only when the person has consented to
//! it (see [`crate::consent::Purpose::ShareNeeds`]); this module does not decide who
//! sees what.

use crate::vocabulary;

vocabulary! {
    /// The groups needs fall into, in the order people read them.
    pub enum NeedCategory ("need category") {
        ContactMethod => ("contact-method", "Specific contact method"),
        InformationFormat => ("information-format", "Information format"),
        CommunicationProfessional => ("communication-professional", "Communication professional"),
        CommunicationSupport => ("communication-support", "Communication support"),
        Venue => ("venue", "Venue"),
        Timing => ("timing", "Timing"),
    }
}

vocabulary! {
    /// One access or communication need.
    pub enum Need ("need") {
        ContactByEmail => ("contact-email", "Contact by email"),
        ContactByLetter => ("contact-letter", "Contact by letter"),
        ContactByText => ("contact-text", "Contact by text message"),
        ContactByPhone => ("contact-phone", "Contact by phone call"),
        ContactByTextRelay => ("contact-text-relay", "Contact by text relay"),
        ContactViaCarer => ("contact-via-carer", "Contact through a carer"),

        EasyRead => ("easy-read", "Easy Read"),
        LargePrint20 => ("large-print-20", "Large print, at least 20 point"),
        LargePrint24 => ("large-print-24", "Large print, at least 24 point"),
        LargePrint28 => ("large-print-28", "Large print, at least 28 point"),
        BrailleGrade1 => ("braille-grade-1", "Braille, uncontracted (grade 1)"),
        BrailleGrade2 => ("braille-grade-2", "Braille, contracted (grade 2)"),
        Moon => ("moon", "Moon alphabet"),
        Audio => ("audio", "Audio"),
        InformationByEmail => ("information-email", "Information by email"),
        ElectronicFormat => ("electronic-format", "Electronic document to download"),
        Makaton => ("makaton", "Information in Makaton"),
        AphasiaAccessible => ("aphasia-accessible", "Aphasia-accessible information"),
        Verbally => ("verbally", "Information given out loud"),
        ReadOut => ("read-out", "Someone to read written information out loud"),

        BslInterpreter => ("bsl-interpreter", "British Sign Language interpreter"),
        SseInterpreter => ("sse-interpreter", "Sign Supported English interpreter"),
        MakatonInterpreter => ("makaton-interpreter", "Makaton interpreter"),
        HandsOnSigning => ("hands-on-signing", "Hands-on signing interpreter"),
        VisualFrameSigning => ("visual-frame-signing", "Visual frame sign language interpreter"),
        Lipspeaker => ("lipspeaker", "Lipspeaker"),
        SpeechToText => ("speech-to-text", "Speech-to-text reporter"),
        NoteTaker => ("note-taker", "Note taker"),
        DeafblindManual => ("deafblind-manual", "Deafblind manual alphabet interpreter"),
        DeafblindBlock => ("deafblind-block", "Deafblind block alphabet interpreter"),
        DeafblindHaptic => ("deafblind-haptic", "Deafblind haptic communication interpreter"),
        DeafblindGuide => ("deafblind-guide", "Deafblind communicator guide"),
        SpokenInterpreter => ("spoken-interpreter", "Spoken-language interpreter"),
        Advocate => ("advocate", "Advocate"),
        SpeechTherapist => ("speech-therapist", "Speech and language therapist support"),

        HearingLoop => ("hearing-loop", "Hearing loop"),
        LipReads => ("lip-reads", "Lip-reads: face them and speak clearly"),
        CommunicationDevice => ("communication-device", "Uses a communication device"),
        AphasiaFriendly => ("aphasia-friendly", "Aphasia-friendly communication"),
        SightedGuide => ("sighted-guide", "Sighted guide"),
        AudibleAlert => ("audible-alert", "Audible alert"),
        VisualAlert => ("visual-alert", "Visual alert"),
        TactileAlert => ("tactile-alert", "Tactile alert"),
        CarerPresent => ("carer-present", "A carer with them"),

        StepFree => ("step-free", "Step-free access"),
        AccessibleToilet => ("accessible-toilet", "Accessible toilet"),
        ChangingPlaces => ("changing-places", "Changing Places toilet"),
        QuietRoom => ("quiet-room", "Quiet room"),
        Seating => ("seating", "Seating with a back and arms"),
        Parking => ("parking", "Accessible parking near the door"),
        AssistanceDog => ("assistance-dog", "Room for an assistance dog"),

        ExtraTime => ("extra-time", "More time to take part"),
        Breaks => ("breaks", "Regular breaks"),
        NoEarlyStart => ("no-early-start", "No early starts"),
        ShortSessions => ("short-sessions", "Shorter sessions"),
        PapersEarly => ("papers-early", "Papers a week before"),
    }
}

impl Need {
    /// The group this need belongs to.
    pub fn category(self) -> NeedCategory {
        use Need::*;
        use NeedCategory as C;
        match self {
            ContactByEmail | ContactByLetter | ContactByText | ContactByPhone
            | ContactByTextRelay | ContactViaCarer => C::ContactMethod,
            EasyRead | LargePrint20 | LargePrint24 | LargePrint28 | BrailleGrade1
            | BrailleGrade2 | Moon | Audio | InformationByEmail | ElectronicFormat | Makaton
            | AphasiaAccessible | Verbally | ReadOut => C::InformationFormat,
            BslInterpreter | SseInterpreter | MakatonInterpreter | HandsOnSigning
            | VisualFrameSigning | Lipspeaker | SpeechToText | NoteTaker | DeafblindManual
            | DeafblindBlock | DeafblindHaptic | DeafblindGuide | SpokenInterpreter | Advocate
            | SpeechTherapist => C::CommunicationProfessional,
            HearingLoop | LipReads | CommunicationDevice | AphasiaFriendly | SightedGuide
            | AudibleAlert | VisualAlert | TactileAlert | CarerPresent => C::CommunicationSupport,
            StepFree | AccessibleToilet | ChangingPlaces | QuietRoom | Seating | Parking
            | AssistanceDog => C::Venue,
            ExtraTime | Breaks | NoEarlyStart | ShortSessions | PapersEarly => C::Timing,
        }
    }

    /// The SNOMED CT concept the NHS Reasonable Adjustment Flag records this need as,
    /// where it defines one. A spoken-language interpreter has one code per language,
    /// so it has none here.
    pub fn snomed(self) -> Option<&'static str> {
        use Need::*;
        Some(match self {
            ContactByEmail => "936741000000100",
            ContactByLetter => "936721000000107",
            ContactByText => "936701000000103",
            ContactByPhone => "795661000000104",
            ContactByTextRelay => "796081000000106",
            ContactViaCarer => "719561001",
            EasyRead => "796161000000101",
            LargePrint20 => "957331000000109",
            LargePrint24 => "957351000000102",
            LargePrint28 => "957371000000106",
            BrailleGrade1 => "936681000000100",
            BrailleGrade2 => "936661000000109",
            Moon => "936621000000101",
            Audio => "936601000000105",
            InformationByEmail => "936581000000101",
            ElectronicFormat => "945751000000106",
            Makaton => "936641000000108",
            AphasiaAccessible => "1082551000000100",
            Verbally => "367741000000102",
            ReadOut => "985021000000106",
            BslInterpreter => "204331000000107",
            SseInterpreter => "936761000000104",
            MakatonInterpreter => "204341000000103",
            HandsOnSigning => "945731000000104",
            VisualFrameSigning => "945711000000107",
            Lipspeaker => "945911000000109",
            SpeechToText => "966401000000100",
            NoteTaker => "945891000000106",
            DeafblindManual => "957051000000100",
            DeafblindBlock => "957071000000109",
            DeafblindHaptic => "957111000000103",
            DeafblindGuide => "796201000000109",
            Advocate => "225835008",
            SpeechTherapist => "1082661000000100",
            HearingLoop => "198061000000105",
            LipReads => "441092009",
            CommunicationDevice => "719369003",
            AphasiaFriendly => "1082671000000100",
            SightedGuide => "719563003",
            AudibleAlert => "945931000000101",
            VisualAlert => "945951000000108",
            TactileAlert => "945971000000104",
            CarerPresent => "1108151000000106",
            SpokenInterpreter | StepFree | AccessibleToilet | ChangingPlaces | QuietRoom
            | Seating | Parking | AssistanceDog | ExtraTime | Breaks | NoEarlyStart
            | ShortSessions | PapersEarly => return None,
        })
    }

    /// Whether the need names a language (a spoken-language interpreter does).
    pub fn needs_language(self) -> bool {
        self == Need::SpokenInterpreter
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vocabulary;

    #[test]
    fn every_standard_need_has_a_snomed_code_and_the_codes_are_distinct() {
        let mut seen = std::collections::HashSet::new();
        for n in Need::ALL {
            let standard = !matches!(n.category(), NeedCategory::Venue | NeedCategory::Timing);
            match n.snomed() {
                Some(code) => {
                    assert!(code.chars().all(|c| c.is_ascii_digit()), "{code}");
                    assert!(seen.insert(code), "{code} twice");
                }
                None => assert!(!standard || n.needs_language(), "{n:?} has no code"),
            }
        }
        assert_eq!(Need::parse("large-print-24"), Ok(Need::LargePrint24));
        assert!(Need::parse("telepathy").is_err());
    }
}
