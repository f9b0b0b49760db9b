//! Property tests: essay-like text built from the shapes that break text
//! pipelines, checked against `support::invariants` (spans, tiling, dates,
//! JSON) plus the JSON schema and determinism.

mod support;

use proptest::prelude::*;
use std::sync::LazyLock;
use support::invariants;

static SCHEMA: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let schema: serde_json::Value =
        serde_json::from_str(&argmark::report::json::schema()).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
});

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(vec![
            "the", "Bolsheviks", "Trotsky", "won", "because", "however", "Red", "Army", "of",
            "power", "was", "in", "argued", "this", "shows", "that", "Lenin's", "workers",
        ]).prop_map(String::from),
        2 => prop::sample::select(vec![
            "St.", "Dr.", "Mr.", "Gen.", "c.", "ca.", "cf.", "e.g.", "i.e.", "etc.", "vs.", "p.",
            "pp.", "No.", "Vol.", "Oct.", "V. I.", "E. H.", "U.S.S.R.", "U.S.", "3.5", "1.",
        ]).prop_map(String::from),
        2 => date(),
        1 => prop::sample::select(vec![
            "Лев", "Троцкий", "Ленин", "Großmann", "Kühlmann", "🙂", "👍🏽", "👨‍👩‍👧", "שלום",
            "مرحبا", "\u{202E}abc", "e\u{301}\u{302}", "\u{301}", "\u{0}", "\u{7}", "\u{1b}[0m",
            "\u{feff}", "\u{2028}", "\u{85}", "…", "...",
        ]).prop_map(String::from),
        1 => "[a-z]{60,3000}",
        1 => "\\PC{1,8}",
    ]
}

/// Dates of every form the finder reads, with valid and invalid days.
fn date() -> impl Strategy<Value = String> {
    let month = prop::sample::select(vec![
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Feb.",
        "Sept",
    ]);
    let year = 1000i32..2100;
    prop_oneof![
        year.clone().prop_map(|y| y.to_string()),
        (month.clone(), year.clone()).prop_map(|(m, y)| format!("{m} {y}")),
        (0u8..40, month.clone(), year.clone()).prop_map(|(d, m, y)| format!("{d} {m} {y}")),
        (month.clone(), 0u8..40, year.clone()).prop_map(|(m, d, y)| format!("{m} {d}, {y}")),
        (
            prop::sample::select(vec!["early", "mid", "late", "the spring of", "winter"]),
            year.clone()
        )
            .prop_map(|(p, y)| format!("{p} {y}")),
        (100i32..200).prop_map(|d| format!("the {}s", d * 10)),
        prop::sample::select(vec![
            "the early twentieth century",
            "the following year",
            "two years later",
            "in August"
        ])
        .prop_map(String::from),
        (year.clone(), 0i32..120).prop_map(|(y, n)| format!("{y}–{}", (y + n) % 100)),
        (year.clone(), year.clone()).prop_map(|(a, b)| format!("between {a} and {b}")),
        (year.clone(), year).prop_map(|(a, b)| format!("from {a} to {b}")),
        Just("25 October (7 November) 1917".to_string()),
        Just("February (or March, in the New Style calendar) 1917".to_string()),
    ]
}

fn sentence() -> impl Strategy<Value = String> {
    let open = prop::sample::select(vec!["", "", "“", "\"", "(", "[", "((("]);
    let stop = prop::sample::select(vec![".", ".", "?", "!", ".”", ".)", "…", "", ";", ")))"]);
    (open, prop::collection::vec(word(), 1..14), stop)
        .prop_map(|(o, ws, s)| format!("{o}{}{s}", ws.join(" ")))
}

fn paragraph() -> impl Strategy<Value = String> {
    // Hard-wrapped lines, indents and list markers as well as plain spaces.
    let sep = prop::sample::select(vec![" ", " ", "\n", "\r\n", "\n    ", "  "]);
    let lead = prop::sample::select(vec!["", "", "    ", "- ", "1. ", "# ", "> "]);
    (lead, prop::collection::vec((sentence(), sep), 1..6)).prop_map(|(l, ss)| {
        let mut p = l.to_string();
        for (s, sep) in ss {
            p.push_str(&s);
            p.push_str(sep);
        }
        p
    })
}

fn essay() -> impl Strategy<Value = String> {
    // Blank-line runs of every length, Windows ends, and none at all.
    let gap = prop::sample::select(vec![
        "\n\n",
        "\n\n",
        "\n",
        "\n\n\n\n\n\n",
        "\r\n\r\n",
        "\r\r",
        "\n \n\t\n",
    ]);
    (
        prop::option::of("[A-Z][a-z ]{0,40}\\??"),
        prop::collection::vec((paragraph(), gap), 1..7),
    )
        .prop_map(|(title, ps)| {
            let mut e = title.map(|t| format!("{t}\n\n")).unwrap_or_default();
            for (p, g) in ps {
                e.push_str(&p);
                e.push_str(g);
            }
            e
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn essays_keep_every_invariant(text in essay()) {
        let out = invariants::check_text(&text);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let errors: Vec<String> = SCHEMA.iter_errors(&v).map(|e| e.to_string()).collect();
        prop_assert!(errors.is_empty(), "schema: {errors:?}");
        prop_assert_eq!(out, invariants::check_text(&text), "same input, same output");
    }

    #[test]
    fn any_text_keeps_every_invariant(text in "\\PC{0,400}") {
        invariants::check_text(&text);
    }

    #[test]
    fn dates_are_well_formed(ds in prop::collection::vec((date(), "[ ,;.()a-z]{0,6}"), 1..12)) {
        let text: String = ds.into_iter().map(|(d, s)| d + &s).collect();
        invariants::check_dates(&text);
        invariants::check_question(&format!("How far did things change {text}?"));
    }

    #[test]
    fn questions_parse(text in "\\PC{0,200}") {
        invariants::check_question(&text);
    }
}
