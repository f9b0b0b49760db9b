//! Every finding code argmark can emit, documented for `argmark explain`.
//! Codes are stable: scripts and configs key on them.

use crate::finding::Severity;

/// Documentation of one finding code.
#[derive(Debug, Clone, Copy)]
pub struct CheckInfo {
    pub code: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// One line: what the finding means.
    pub summary: &'static str,
    /// Why it matters to a marker.
    pub why: &'static str,
    /// A before/after example of the fix.
    pub example: &'static str,
}

pub const CATALOG: &[CheckInfo] = &[
    CheckInfo {
        code: "question.none",
        severity: Severity::Info,
        summary: "No essay question was given or found in a title, so nothing is measured against a question.",
        why: "Relevance, the time window and the command word all come from the question; without one argmark can only describe the essay.",
        example: "argmark check essay.txt --question \"How far was Trotsky responsible for the Bolshevik victory, 1918–21?\"",
    },
    CheckInfo {
        code: "layout.missing-text",
        severity: Severity::Warning,
        summary: "A paragraph stops in the middle of a sentence and the next one starts afresh: text may be missing.",
        why: "Lost text usually comes from copying between documents; a marker reads it as carelessness, and the argument has a hole in it.",
        example: "\"…and joined the Petrograd Soviet of Workers' and Soldiers'\" → finish the sentence: \"…Soldiers' Deputies, which gave him a platform.\"",
    },
    CheckInfo {
        code: "layout.cut-off",
        severity: Severity::Warning,
        summary: "The essay ends in the middle of a sentence.",
        why: "An essay that stops mid-sentence has no conclusion, and the marker cannot credit a judgement that is not there.",
        example: "\"…elected chairman of the Executive\" → finish the sentence, then add a conclusion that answers the question.",
    },
    CheckInfo {
        code: "dates.after-window",
        severity: Severity::Warning,
        summary: "A date falls after the end of the question's time window.",
        why: "Events after the window cannot explain what happened within it; examiners credit only material relevant to the period set.",
        example: "Question up to 1922: \"He was ousted by Stalin in 1925.\" → cut it, or keep one clause of context and spend the words on 1918–22.",
    },
    CheckInfo {
        code: "dates.before-window",
        severity: Severity::Suggestion,
        summary: "Several sentences in a row deal with events before the question's window.",
        why: "Brief background is fine, but a long run of it is narrative the marker cannot credit.",
        example: "Three sentences on 1905 in a 1917–22 essay → keep one that explains why it matters for 1917.",
    },
    CheckInfo {
        code: "dates.naming-aside",
        severity: Severity::Info,
        summary: "A date outside the window only names or locates something (\"as the city was called between 1914 and 1924\").",
        why: "Such asides are not arguments about the period, so they are not counted against the essay's focus.",
        example: "No change needed.",
    },
    CheckInfo {
        code: "focus.paragraph-off-topic",
        severity: Severity::Warning,
        summary: "A body paragraph never touches the question's focus.",
        why: "Each paragraph should advance the answer; one that never mentions what the question asks about reads as irrelevant.",
        example: "Start the paragraph with a point in the question's terms: \"Trotsky's Red Army was the main reason the Bolsheviks survived.\"",
    },
    CheckInfo {
        code: "structure.no-thesis",
        severity: Severity::Warning,
        summary: "The introduction has no sentence that answers the question.",
        why: "Markers look for a line of argument set out early; without one the essay reads as description.",
        example: "Add to the introduction: \"Trotsky's contribution was vital, above all in building the Red Army, but it depended on Lenin's leadership.\"",
    },
    CheckInfo {
        code: "structure.no-conclusion",
        severity: Severity::Warning,
        summary: "The last paragraph does not conclude: it reaches no overall judgement.",
        why: "The top levels of every mark scheme ask for a substantiated judgement; it belongs in the conclusion.",
        example: "End with: \"Overall, Trotsky's organisation of October and of the Red Army was the most important contribution, though Lenin's leadership mattered as much.\"",
    },
    CheckInfo {
        code: "facts.event-date",
        severity: Severity::Warning,
        summary: "A known event is given a date that contradicts the topic pack (every date a source gives, Old and New Style, is accepted).",
        why: "A wrong date for a landmark event is the first thing a marker notices; it undermines every argument built on the chronology.",
        example: "\"The October Revolution took place in 1919.\" → \"…on 25 October 1917 (7 November by the New Style calendar).\"",
    },
    CheckInfo {
        code: "facts.person-dates",
        severity: Severity::Warning,
        summary: "A person acts after their death or before their birth, or holds an office outside the dates they held it.",
        why: "Putting people in the wrong place in time breaks the causal story the essay tells.",
        example: "\"In October 1917 Trotsky was already War Commissar.\" → \"…chairman of the Petrograd Soviet; he became War Commissar in March 1918.\"",
    },
    CheckInfo {
        code: "facts.name-spelling",
        severity: Severity::Warning,
        summary: "A name is misspelt (a known misspelling, or — as a suggestion — one letter from a key person's name).",
        why: "Misspelling the central figures suggests unfamiliarity with the topic.",
        example: "\"Trotskey\" → \"Trotsky\" (also accepted: Trotski, Trotskii, Trotzky).",
    },
    CheckInfo {
        code: "facts.name-confusion",
        severity: Severity::Warning,
        summary: "One person is confused with another of a similar name.",
        why: "A confusion of people changes who did what; a marker reads it as a factual error.",
        example: "\"Alexandra Kerensky\" → \"Alexander Kerensky\" (Alexandra was the Tsarina).",
    },
    CheckInfo {
        code: "facts.place-anachronism",
        severity: Severity::Warning,
        summary: "A place is called by a name it did not have at the date given.",
        why: "Anachronistic names are a common slip that signals weak chronology.",
        example: "\"Trotsky arrived in Leningrad in May 1917\" → \"…in Petrograd\" (Leningrad only from 1924).",
    },
    CheckInfo {
        code: "facts.misconception",
        severity: Severity::Warning,
        summary: "A claim matches a known misconception about the topic; the correction and its source are given.",
        why: "Common myths cost marks and are easy to fix once pointed out.",
        example: "\"Trotsky signed the Treaty of Brest-Litovsk\" → it was signed by a delegation under Sokolnikov; Trotsky had walked out.",
    },
    CheckInfo {
        code: "facts.cause-after-effect",
        severity: Severity::Warning,
        summary: "A causal link (\"this led to\", \"because of\") presents an event as the result of something that came after it.",
        why: "Causation is the heart of a history essay; a cause that comes after its effect breaks the argument.",
        example: "\"He persuaded Lenin … This led to the abdication of the Tsar\" → the Tsar abdicated in March 1917, before Trotsky's return in May.",
    },
    CheckInfo {
        code: "coverage.window-gap",
        severity: Severity::Warning,
        summary: "Part of the question's period is not covered by any of the essay's dates or named events.",
        why: "The top levels ask for the full demands of the question, including the whole period set.",
        example: "Question up to 1922, essay stops in 1917 → add the Red Army, the Civil War, War Communism, Kronstadt and NEP.",
    },
    CheckInfo {
        code: "balance.no-other-factors",
        severity: Severity::Warning,
        summary: "The question asks you to weigh a factor, but the essay discusses none of the other factors the topic pack knows.",
        why: "\"How far / assess / how important\" questions reward weighing the given factor against others; a one-sided answer is capped.",
        example: "Add a paragraph on Lenin's leadership or the weakness of the Whites, and judge which mattered more.",
    },
    CheckInfo {
        code: "balance.other-factors",
        severity: Severity::Info,
        summary: "Which of the topic pack's other factors the essay weighs, and which it does not.",
        why: "Shows at a glance how broad the answer's range of factors is.",
        example: "No change needed; consider whether a missing factor would strengthen the judgement.",
    },
    CheckInfo {
        code: "argument.narrative-essay",
        severity: Severity::Warning,
        summary: "Most of the essay recounts events instead of arguing about the question.",
        why: "\"Narrative, not analysis\" is the commonest reason history essays stay in the lower levels: events earn marks only when used to prove a point.",
        example: "\"In July 1917 he joined the Bolsheviks. In August he was arrested.\" → \"Joining the Bolsheviks in July 1917 gave them their best organiser: within weeks he was leading the Petrograd Soviet.\"",
    },
    CheckInfo {
        code: "argument.narrative-paragraph",
        severity: Severity::Warning,
        summary: "A paragraph recounts events without saying how they bear on the question.",
        why: "A paragraph of story shows knowledge but not understanding; the marker needs to see why the events matter for the question.",
        example: "Open with the point (\"Trotsky's return in May 1917 gave the Bolsheviks a leader for the Soviet\") and end with its significance (\"This mattered because…\").",
    },
    CheckInfo {
        code: "argument.claim-without-evidence",
        severity: Severity::Suggestion,
        summary: "A paragraph makes a point but supports it with nothing specific.",
        why: "Unsupported assertions earn little: higher levels ask for precise, relevant evidence.",
        example: "\"Trotsky was a great military leader.\" → add \"He recruited some 75,000 former tsarist officers and recaptured Kazan in September 1918.\"",
    },
    CheckInfo {
        code: "argument.evidence-unexplained",
        severity: Severity::Suggestion,
        summary: "A paragraph gives evidence but never explains what it shows.",
        why: "Evidence left to speak for itself reads as description; explanation is what earns analysis marks.",
        example: "After the facts, add: \"As a result, the Reds could fight on several fronts at once, which the divided Whites could not.\"",
    },
    CheckInfo {
        code: "balance.no-counter",
        severity: Severity::Warning,
        summary: "A question that asks you to weigh factors or views is answered without weighing any.",
        why: "\"How far\", \"to what extent\" and \"assess\" questions need other factors or views judged against the one named.",
        example: "Add a paragraph: \"However, Lenin's leadership mattered more in 1917, because…\" and judge between them.",
    },
    CheckInfo {
        code: "argument.conclusion-differs",
        severity: Severity::Warning,
        summary: "The conclusion's judgement differs from the introduction's thesis.",
        why: "A sustained judgement is a top-level requirement; changing your mind at the end suggests the argument was not planned.",
        example: "Thesis \"Trotsky was the most important factor\" but conclusion \"Lenin was more important\" → make them agree, or explain the shift.",
    },
    CheckInfo {
        code: "input.not-prose",
        severity: Severity::Error,
        summary: "The text is not prose: mostly digits or symbols (under 60 % letters), or at least half its lines look like code or links.",
        why: "Roles, marks and findings computed on code, a table or a list of links would be invented, so argmark reports this alone and analyses nothing.",
        example: "A submitted spreadsheet export or program listing → submit the essay itself.",
    },
    CheckInfo {
        code: "input.not-english",
        severity: Severity::Error,
        summary: "The text is not English: under 12 % of its words (of at least 20) are common English function words such as \"the\", \"of\" and \"was\".",
        why: "The checks read English wording; on French, German or Russian they would invent roles and findings. English essays quoting foreign names stay around 40 %.",
        example: "\"La révolution d'Octobre fut dirigée par Lénine…\" → mark by hand, or ask for the English version.",
    },
];

/// The documentation of a code, if it exists.
pub fn lookup(code: &str) -> Option<&'static CheckInfo> {
    CATALOG.iter().find(|c| c.code.eq_ignore_ascii_case(code))
}
