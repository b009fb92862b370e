//! Access and communication needs, in the vocabulary of the NHS Accessible
//! Information Standard (DAPB1605): a specific contact method, an information format,
//! a communication professional, communication support. Each carries the SNOMED CT
//! code the NHS Reasonable Adjustment Flag uses for it, where there is one. Venue and
//! timing needs, which the standard does not cover, complete the list.
//!
//! A need is shared with activity organisers only when the person has consented to
//! it (see [`crate::consent::Purpose::ShareNeeds`]); this module does not decide who
//! sees what.

use crate::person::Language;
use crate::text::Problem;
use crate::{Vocabulary, vocabulary};

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
        ContactByEmail => ("contact-email", "Contact by email", ["email", "by email", "e-mail"]),
        ContactByLetter => ("contact-letter", "Contact by letter", ["letter", "by letter", "post"]),
        ContactByText => ("contact-text", "Contact by text message", ["text", "text message", "SMS"]),
        ContactByPhone => ("contact-phone", "Contact by phone call", ["phone", "phone call", "telephone"]),
        ContactByTextRelay => ("contact-text-relay", "Contact by text relay", ["text relay", "Relay UK", "NGT", "Next Generation Text"]),
        ContactViaCarer => ("contact-via-carer", "Contact through a carer", ["via carer", "through carer", "contact carer"]),

        EasyRead => ("easy-read", "Easy Read", ["easyread", "easy read format", "easy read documents"]),
        LargePrint20 => ("large-print-20", "Large print, at least 20 point", ["large print", "LP", "large print 20", "large print 20pt", "large print 20 point", "20pt"]),
        LargePrint24 => ("large-print-24", "Large print, at least 24 point", ["large print 24", "large print 24pt", "large print 24 point", "24pt"]),
        LargePrint28 => ("large-print-28", "Large print, at least 28 point", ["large print 28", "large print 28pt", "large print 28 point", "28pt"]),
        BrailleGrade1 => ("braille-grade-1", "Braille, uncontracted (grade 1)", ["grade 1 braille", "uncontracted braille"]),
        BrailleGrade2 => ("braille-grade-2", "Braille, contracted (grade 2)", ["braille", "grade 2 braille", "contracted braille"]),
        Moon => ("moon", "Moon alphabet", ["moon"]),
        Audio => ("audio", "Audio", ["audio", "audio CD", "audio recording", "audio format"]),
        InformationByEmail => ("information-email", "Information by email"),
        ElectronicFormat => ("electronic-format", "Electronic document to download", ["electronic", "electronic copy", "word document", "accessible PDF"]),
        Makaton => ("makaton", "Information in Makaton", ["Makaton"]),
        AphasiaAccessible => ("aphasia-accessible", "Aphasia-accessible information"),
        Verbally => ("verbally", "Information given out loud"),
        ReadOut => ("read-out", "Someone to read written information out loud"),

        BslInterpreter => ("bsl-interpreter", "British Sign Language interpreter", ["BSL", "BSL interpreter", "sign language", "sign language interpreter", "British Sign Language", "BSL/English interpreter"]),
        SseInterpreter => ("sse-interpreter", "Sign Supported English interpreter", ["SSE", "sign supported English"]),
        MakatonInterpreter => ("makaton-interpreter", "Makaton interpreter"),
        HandsOnSigning => ("hands-on-signing", "Hands-on signing interpreter"),
        VisualFrameSigning => ("visual-frame-signing", "Visual frame sign language interpreter"),
        Lipspeaker => ("lipspeaker", "Lipspeaker", ["lip speaker"]),
        SpeechToText => ("speech-to-text", "Speech-to-text reporter", ["STTR", "palantypist", "speech to text", "live captions", "captioning"]),
        NoteTaker => ("note-taker", "Note taker", ["notetaker", "note taker"]),
        DeafblindManual => ("deafblind-manual", "Deafblind manual alphabet interpreter"),
        DeafblindBlock => ("deafblind-block", "Deafblind block alphabet interpreter"),
        DeafblindHaptic => ("deafblind-haptic", "Deafblind haptic communication interpreter"),
        DeafblindGuide => ("deafblind-guide", "Deafblind communicator guide"),
        SpokenInterpreter => ("spoken-interpreter", "Spoken-language interpreter", ["interpreter", "language interpreter", "foreign language interpreter"]),
        Advocate => ("advocate", "Advocate", ["advocacy", "independent advocate"]),
        SpeechTherapist => ("speech-therapist", "Speech and language therapist support"),

        HearingLoop => ("hearing-loop", "Hearing loop", ["loop", "induction loop", "hearing loop", "loop system"]),
        LipReads => ("lip-reads", "Lip-reads: face them and speak clearly", ["lip reader", "lip reading", "lipreads"]),
        CommunicationDevice => ("communication-device", "Uses a communication device"),
        AphasiaFriendly => ("aphasia-friendly", "Aphasia-friendly communication"),
        SightedGuide => ("sighted-guide", "Sighted guide", ["guide"]),
        AudibleAlert => ("audible-alert", "Audible alert"),
        VisualAlert => ("visual-alert", "Visual alert"),
        TactileAlert => ("tactile-alert", "Tactile alert"),
        CarerPresent => ("carer-present", "A carer with them", ["carer", "comes with carer", "carer attends", "support worker"]),

        StepFree => ("step-free", "Step-free access", ["wheelchair user", "wheelchair", "wheelchair access", "step free", "level access", "no stairs", "ground floor"]),
        AccessibleToilet => ("accessible-toilet", "Accessible toilet", ["disabled toilet", "accessible loo", "wheelchair accessible toilet"]),
        ChangingPlaces => ("changing-places", "Changing Places toilet", ["Changing Places"]),
        QuietRoom => ("quiet-room", "Quiet room", ["quiet space", "quiet area", "low stimulus room"]),
        Seating => ("seating", "Seating with a back and arms", ["chair with arms", "supportive seating"]),
        Parking => ("parking", "Accessible parking near the door", ["blue badge parking", "disabled parking", "accessible parking"]),
        AssistanceDog => ("assistance-dog", "Room for an assistance dog", ["guide dog", "hearing dog", "assistance dog"]),

        ExtraTime => ("extra-time", "More time to take part", ["extra time", "more time"]),
        Breaks => ("breaks", "Regular breaks", ["regular breaks", "breaks"]),
        NoEarlyStart => ("no-early-start", "No early starts", ["no early starts", "no mornings", "late start"]),
        ShortSessions => ("short-sessions", "Shorter sessions", ["short sessions", "shorter meetings"]),
        PapersEarly => ("papers-early", "Papers a week before", ["papers in advance", "papers early", "information in advance", "agenda in advance"]),
    }
}

/// Reads a need as staff write it, with the language an interpreter is for:
/// "BSL interpreter" is a British Sign Language interpreter; "Polish interpreter",
/// "Interpreter (Polish)" and "Interpreter - Polish" are a spoken-language
/// interpreter for Polish. Anything else is read as [`Vocabulary::read`] reads it.
pub fn read_need(s: &str) -> Result<(Need, Option<Language>), Problem> {
    if let Ok(n) = Need::read(s) {
        return Ok((n, None));
    }
    let words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let interpreter = [
        "interpreter",
        "interpreting",
        "interpretation",
        "translator",
    ];
    if words.iter().any(|w| interpreter.contains(&w.as_str())) {
        let rest: Vec<&str> = words
            .iter()
            .map(String::as_str)
            .filter(|w| {
                !interpreter.contains(w) && !matches!(*w, "needed" | "required" | "language")
            })
            .collect();
        if let Ok(language) = Language::read(&rest.join(" ")) {
            return Ok(match language {
                Language::BritishSignLanguage => (Need::BslInterpreter, None),
                other => (Need::SpokenInterpreter, Some(other)),
            });
        }
    }
    Err(crate::unknown::<Need>(s.trim()))
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

    #[test]
    fn needs_are_read_as_staff_write_them() {
        let read = |s: &str| read_need(s).map_err(|e| e.to_string());
        for (given, need) in [
            ("BSL interpreter", Need::BslInterpreter),
            ("BSL", Need::BslInterpreter),
            ("sign language", Need::BslInterpreter),
            ("Sign Language Interpreter", Need::BslInterpreter),
            ("Large print 24pt", Need::LargePrint24),
            ("large print (24 pt)", Need::LargePrint24),
            ("Large print", Need::LargePrint20),
            ("Braille", Need::BrailleGrade2),
            ("Easy Read", Need::EasyRead),
            ("easy-read", Need::EasyRead),
            ("EASYREAD", Need::EasyRead),
            ("Hearing loop", Need::HearingLoop),
            ("Wheelchair user", Need::StepFree),
            ("step free access", Need::StepFree),
            ("Guide dog", Need::AssistanceDog),
            ("Papers in advance", Need::PapersEarly),
        ] {
            assert_eq!(read(given), Ok((need, None)), "{given}");
        }
        for given in [
            "Polish interpreter",
            "Interpreter (Polish)",
            "Interpreter - Polish",
            "polish language interpreter required",
        ] {
            assert_eq!(
                read(given),
                Ok((Need::SpokenInterpreter, Some(Language::Polish))),
                "{given}"
            );
        }
        assert_eq!(
            read("BSL Interpreter needed"),
            Ok((Need::BslInterpreter, None))
        );
        assert!(read("Klingon interpreter").is_err());
        assert!(read("telepathy").is_err());
    }
}
