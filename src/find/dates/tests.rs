//! Behaviour tests on history-essay sentences, plus property tests.

use proptest::prelude::*;

use super::*;

/// What a test looks at: the text of the span, the interval as
/// "start..end", precision, inferred, naming aside.
type Shown = (String, String, Precision, bool, bool);

fn show(text: &str) -> Vec<Shown> {
    shown(text, find_in(text))
}

fn shown(text: &str, found: Vec<DateMention>) -> Vec<Shown> {
    found
        .into_iter()
        .map(|m| {
            (
                m.span.slice(text).to_string(),
                format!("{}..{}", m.interval.start, m.interval.end),
                m.precision,
                m.inferred,
                m.naming_aside,
            )
        })
        .collect()
}

fn spans(text: &str) -> Vec<String> {
    show(text).into_iter().map(|d| d.0).collect()
}

/// The single date with this span text, or a panic that shows them all.
fn get(text: &str, span: &str) -> Shown {
    let all = show(text);
    all.iter()
        .find(|d| d.0 == span)
        .cloned()
        .unwrap_or_else(|| panic!("no date {span:?} in {all:?}"))
}

fn iv(d: &Shown) -> &str {
    &d.1
}

use Precision::*;

#[test]
fn plain_years() {
    let t = "In 1917 the Tsar fell; by 1922 the USSR existed, and 1917's legacy lasted.";
    assert_eq!(spans(t), ["1917", "1922", "1917"]);
    assert_eq!(iv(&get(t, "1922")), "1922-01-01..1922-12-31");
    assert_eq!(get(t, "1922").2, Year);
    assert!(!get(t, "1922").3);
}

#[test]
fn counts_pages_and_long_numbers_are_not_years() {
    for t in [
        "Some 25,000 men and 1,500 soldiers marched, with 3000 troops.",
        "Another 1500 troops and 1200 people arrived after 2000 km and 1800 miles.",
        "See p. 1917 and pp. 1917–20, or page 1920 of the book.",
        "The figures 19170, 1917.5, A1917, 1917a and £1917 are not years; nor is 1917%.",
        "He paid 1,917 roubles and No. 1917 was filed.",
    ] {
        assert_eq!(spans(t), Vec::<String>::new(), "{t}");
    }
    // After a temporal preposition a plural noun does not make a count.
    assert_eq!(spans("In 1917 soldiers deserted in droves."), ["1917"]);
}

#[test]
fn months_with_years() {
    let t = "In October 1917, in Oct. 1917, by Sept 1918 and in October of 1917.";
    assert_eq!(
        spans(t),
        ["October 1917", "Oct. 1917", "Sept 1918", "October of 1917"]
    );
    let d = get(t, "Sept 1918");
    assert_eq!((iv(&d), d.2), ("1918-09-01..1918-09-30", Month));
}

#[test]
fn days_in_either_order() {
    let t = "On 25 October 1917, or October 25, 1917, or the 25th of October 1917, \
             or the 7th November 1917, or 1917-10-25, or 25/10/1917, power changed hands.";
    let all = show(t);
    assert_eq!(all.len(), 6, "{all:?}");
    for (i, d) in all.iter().enumerate() {
        assert_eq!(d.2, Day);
        let want = if i == 3 {
            "1917-11-07..1917-11-07"
        } else {
            "1917-10-25..1917-10-25"
        };
        assert_eq!(iv(d), want, "{d:?}");
    }
    assert_eq!(all[2].0, "25th of October 1917");
    // No 30 February: the day form fails and the month is found alone.
    assert_eq!(
        spans("On 30 February 1917 nothing happened."),
        ["February 1917"]
    );
}

#[test]
fn thirds_of_years_and_seasons() {
    let t = "In early 1917, mid-1917 and late 1917; by the end of 1918; \
             in the spring of 1918, the summer of 1919, the autumn of 1920, \
             the fall of 1921 and the winter of 1917.";
    let want = [
        ("early 1917", "1917-01-01..1917-04-30"),
        ("mid-1917", "1917-05-01..1917-08-31"),
        ("late 1917", "1917-09-01..1917-12-31"),
        ("the end of 1918", "1918-09-01..1918-12-31"),
        ("the spring of 1918", "1918-03-01..1918-05-31"),
        ("the summer of 1919", "1919-06-01..1919-08-31"),
        ("the autumn of 1920", "1920-09-01..1920-11-30"),
        ("the fall of 1921", "1921-09-01..1921-11-30"),
        ("the winter of 1917", "1917-12-01..1918-02-28"),
    ];
    let all = show(t);
    assert_eq!(all.len(), want.len(), "{all:?}");
    for (d, (s, i)) in all.iter().zip(want) {
        assert_eq!((d.0.as_str(), iv(d), d.2), (s, i, Season));
    }
    let w = get(
        "During the winter of 1917–18 the front dissolved.",
        "the winter of 1917–18",
    );
    assert_eq!(iv(&w), "1917-12-01..1918-02-28");
    // "the fall of" a regime is no autumn.
    assert_eq!(spans("After the fall of the Tsar in 1917."), ["1917"]);
}

#[test]
fn parts_of_months_take_the_context_year() {
    let t = "In July 1917 he fled; in early September he came back and by late October he ruled.";
    let d = get(t, "early September");
    assert_eq!((iv(&d), d.3), ("1917-09-01..1917-09-10", true));
    let d = get(t, "late October");
    assert_eq!((iv(&d), d.3), ("1917-10-21..1917-10-31", true));
    assert_eq!(
        iv(&get("In mid-March 1921 Kronstadt rose.", "mid-March 1921")),
        "1921-03-11..1921-03-20"
    );
}

#[test]
fn decades_and_centuries() {
    let t = "In the 1920s, the early 1920s, the late 1930s, the '20s and the 1930's; \
             in the twentieth century, the 20th century, the early twentieth century, \
             the late nineteenth century and the twenty-first century.";
    let want = [
        ("the 1920s", "1920-01-01..1929-12-31", Decade),
        ("the early 1920s", "1920-01-01..1923-12-31", Decade),
        ("the late 1930s", "1937-01-01..1939-12-31", Decade),
        ("the '20s", "1920-01-01..1929-12-31", Decade),
        ("the 1930's", "1930-01-01..1939-12-31", Decade),
        ("the twentieth century", "1900-01-01..1999-12-31", Century),
        ("the 20th century", "1900-01-01..1999-12-31", Century),
        (
            "the early twentieth century",
            "1900-01-01..1933-12-31",
            Century,
        ),
        (
            "the late nineteenth century",
            "1867-01-01..1899-12-31",
            Century,
        ),
        (
            "the twenty-first century",
            "2000-01-01..2099-12-31",
            Century,
        ),
    ];
    let all = show(t);
    assert_eq!(all.len(), want.len(), "{all:?}");
    for (d, (s, i, p)) in all.iter().zip(want) {
        assert_eq!((d.0.as_str(), iv(d), d.2), (s, i, p));
    }
    assert_eq!(
        spans("The 1920s economy grew in 1920s Russia."),
        ["The 1920s", "1920s"]
    );
}

#[test]
fn year_ranges() {
    let t = "Civil war (1918–21), 1918-1921, 1918 to 1921, from 1918 to 1921, \
             between 1914 and 1924, 1917–22, 1905-07 and 1998-02.";
    let want = [
        ("1918–21", "1918-01-01..1921-12-31"),
        ("1918-1921", "1918-01-01..1921-12-31"),
        ("1918 to 1921", "1918-01-01..1921-12-31"),
        ("from 1918 to 1921", "1918-01-01..1921-12-31"),
        ("between 1914 and 1924", "1914-01-01..1924-12-31"),
        ("1917–22", "1917-01-01..1922-12-31"),
        ("1905-07", "1905-01-01..1907-12-31"),
        ("1998-02", "1998-01-01..2002-12-31"),
    ];
    let all = show(t);
    assert_eq!(all.len(), want.len(), "{all:?}");
    for (d, (s, i)) in all.iter().zip(want) {
        assert_eq!((d.0.as_str(), iv(d), d.2), (s, i, Year));
    }
    let t = "The harvest of 1917/18 failed.";
    assert_eq!(iv(&get(t, "1917/18")), "1917-01-01..1918-12-31");
    // Backwards is a comparison, not a range.
    assert_eq!(spans("He compared 1917 to 1905."), ["1917", "1905"]);
    assert_eq!(spans("Moving from 1917 to Moscow."), ["1917"]);
}

#[test]
fn month_and_day_ranges() {
    let t = "From March–July 1917 unrest grew; on 25–26 October 1917 the Bolsheviks struck, \
             and from 25 October to 7 November 1917 they held on, \
             October 25–26, 1917 being decisive.";
    let d = get(t, "From March–July 1917");
    assert_eq!((iv(&d), d.2), ("1917-03-01..1917-07-31", Month));
    let d = get(t, "25–26 October 1917");
    assert_eq!((iv(&d), d.2), ("1917-10-25..1917-10-26", Day));
    let d = get(t, "from 25 October to 7 November 1917");
    assert_eq!(iv(&d), "1917-10-25..1917-11-07");
    assert_eq!(iv(&get(t, "October 25–26, 1917")), "1917-10-25..1917-10-26");
    // Year-less month ranges take the context year and may cross it.
    let t = "In 1917 the war went badly. From October to March the army melted away.";
    let d = get(t, "From October to March");
    assert_eq!((iv(&d), d.3), ("1917-10-01..1918-03-31", true));
}

#[test]
fn relative_years() {
    let t = "In 1917 the Tsar fell. The following year the civil war began. \
             Two years later it was over. That year Lenin fell ill. \
             The previous year had been worse. A year later he was dead. \
             The next year saw the NEP.";
    let want = [
        ("1917", "1917"),
        ("The following year", "1918"),
        ("Two years later", "1920"),
        ("That year", "1920"),
        ("The previous year", "1919"),
        ("A year later", "1920"),
        ("The next year", "1921"),
    ];
    let all = show(t);
    assert_eq!(all.len(), want.len(), "{all:?}");
    for (d, (s, y)) in all.iter().zip(want) {
        assert_eq!(d.0, s);
        assert_eq!(iv(d), format!("{y}-01-01..{y}-12-31"));
        assert_eq!(d.3, s != "1917", "{d:?}");
    }
    let t = "War came in 1914; 3 years later the Tsar fell.";
    assert_eq!(iv(&get(t, "3 years later")), "1917-01-01..1917-12-31");
    let t = "In March 1917 the Tsar fell; the following summer the offensive failed, \
             and the next month the Kornilov affair began. In 1914 war came; the next spring brought gas.";
    assert_eq!(
        iv(&get(t, "the following summer")),
        "1917-06-01..1917-08-31"
    );
    assert_eq!(iv(&get(t, "the next month")), "1917-09-01..1917-09-30");
    assert_eq!(iv(&get(t, "the next spring")), "1915-03-01..1915-05-31");
    // Without a context year there is nothing to count from.
    assert_eq!(spans("The following year was hard."), Vec::<String>::new());
    // "the year before the war" counts from the war, not the context.
    assert_eq!(spans("In 1917, the year before the war ended."), ["1917"]);
}

#[test]
fn bare_months_only_as_dates() {
    let t = "In July 1917 August Bebel's heirs protested; the troops march on; they may \
             strike; March brought little. In August they did. In May they struck again, \
             and on 4 May, in June and July the crisis grew.";
    assert_eq!(
        spans(t),
        ["July 1917", "August", "May", "4 May", "June", "July"]
    );
    let d = get(t, "4 May");
    assert_eq!((iv(&d), d.3), ("1917-05-04..1917-05-04", true));
    // A list of months shares the year at its end.
    let t = "In July and August 1917 the Bolsheviks recovered.";
    let all = show(t);
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(
        (all[0].0.as_str(), iv(&all[0]), all[0].3),
        ("July", "1917-07-01..1917-07-31", false)
    );
    // Without any year before it, a bare month is left unresolved.
    assert_eq!(spans("In August the army collapsed."), Vec::<String>::new());
    // "the March on Rome" is a march.
    assert_eq!(spans("In 1922 the March on Rome took place."), ["1922"]);
    // "the April Theses" and "the July Days" name documents and events.
    assert_eq!(
        spans("In April 1917 Lenin wrote the April Theses; the July Days followed."),
        ["April 1917"]
    );
}

#[test]
fn old_and_new_style_asides_are_one_date() {
    let t = "The outbreak of the February (or March, in the New Style calendar) phase \
             of the Russian Revolution of 1917 surprised everyone.";
    let all = show(t);
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(all[0].0.starts_with("February (or March"));
    assert!(all[0].0.ends_with("1917"));
    assert_eq!(
        (iv(&all[0]), all[0].2, all[0].3),
        ("1917-02-01..1917-03-31", Month, false)
    );

    let t = "On 25 October (7 November) 1917 the Winter Palace fell.";
    let d = get(t, "25 October (7 November) 1917");
    assert_eq!((iv(&d), d.2), ("1917-10-25..1917-11-07", Day));

    let t = "On 24–25 October (6–7 November) 1917 the coup happened.";
    assert_eq!(
        iv(&get(t, "24–25 October (6–7 November) 1917")),
        "1917-10-24..1917-11-07"
    );

    let t = "The rising of October (November by the Western calendar) 1917 followed.";
    let d = get(t, "October (November by the Western calendar) 1917");
    assert_eq!(iv(&d), "1917-10-01..1917-11-30");

    let t = "It fell on 25 October 1917 (7 November, New Style).";
    assert_eq!(show(t).len(), 1);
}

#[test]
fn revolutions_named_by_month() {
    let t = "The February Revolution of 1917 ended the monarchy.";
    let d = get(t, "February Revolution of 1917");
    assert_eq!((iv(&d), d.3), ("1917-02-01..1917-02-28", false));
    let t = "The February and October Revolutions of 1917 differed.";
    let all = show(t);
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(
        (all[0].0.as_str(), iv(&all[0])),
        ("February", "1917-02-01..1917-02-28")
    );
    assert_eq!(iv(&all[1]), "1917-10-01..1917-10-31");
    // No year anywhere: 1917 is not assumed.
    assert_eq!(
        spans("The February Revolution surprised the Bolsheviks."),
        Vec::<String>::new()
    );
    let t = "By 1917 the war was lost. The February Revolution followed.";
    let d = get(t, "February");
    assert_eq!((iv(&d), d.3), ("1917-02-01..1917-02-28", true));
}

#[test]
fn naming_asides() {
    let t = "Petrograd (as Saint Petersburg was called between 1914 and 1924) was the capital; \
             the city, known as Leningrad from 1924, was renamed again in 1991. \
             Stalin was born in 1878. Tsaritsyn (renamed Stalingrad in 1925) held out.";
    assert!(get(t, "between 1914 and 1924").4);
    assert_eq!(
        iv(&get(t, "between 1914 and 1924")),
        "1914-01-01..1924-12-31"
    );
    assert!(get(t, "1924").4);
    assert!(get(t, "1991").4);
    assert!(!get(t, "1878").4);
    assert!(get(t, "1925").4);
    // Appointments are events, not names.
    assert!(!get("He was named Prime Minister in 1924.", "1924").4);
    // An aside does not move the narrative year.
    let t = "In 1917 (as it was called until 1924) Petrograd rose. In August it rose again.";
    assert_eq!(iv(&get(t, "August")), "1917-08-01..1917-08-31");
}

#[test]
fn typographic_text_keeps_offsets() {
    let t = "In the ’20s, on 25\u{a0}October\u{a0}1917, from 1918 — 1921, and 1914–18’s toll.";
    let all = show(t);
    assert_eq!(
        all.iter().map(|d| d.0.as_str()).collect::<Vec<_>>(),
        [
            "the ’20s",
            "25\u{a0}October\u{a0}1917",
            "from 1918 — 1921",
            "1914–18"
        ],
        "{all:?}"
    );
}

#[test]
fn hard_wrapped_paragraphs_in_regions() {
    let text = "Trotsky's Exile\n\n\
        Lenin had lived in Zurich, but in early 1917 he was\n\n\
        forced to leave. He returned shortly after the February (or March, in the New\n\n\
        Style calendar) revolution of 1917. Some 25,000 men met him at Petrograd (as the city\n\n\
        was called between 1914 and 1924). In July 1917 he joined the rising; he was\n\n\
        imprisoned in August but was released in early September.\n\n\n\
        He left Russia in 1925.";
    let start = text.find("Lenin").unwrap();
    let mid = text.find("\n\n\n").unwrap();
    let last = text.find("He left").unwrap();
    let regions = [Span::new(start, mid), Span::new(last, text.len())];
    let all = shown(text, find_dates(text, &regions));
    let want: [(&str, &str, bool, bool); 7] = [
        ("early 1917", "1917-01-01..1917-04-30", false, false),
        ("", "1917-02-01..1917-03-31", false, false),
        (
            "between 1914 and 1924",
            "1914-01-01..1924-12-31",
            false,
            true,
        ),
        ("July 1917", "1917-07-01..1917-07-31", false, false),
        ("August", "1917-08-01..1917-08-31", true, false),
        ("early September", "1917-09-01..1917-09-10", true, false),
        ("1925", "1925-01-01..1925-12-31", false, false),
    ];
    assert_eq!(all.len(), want.len(), "{all:?}");
    for (d, (s, i, inferred, aside)) in all.iter().zip(want) {
        if s.is_empty() {
            assert!(
                d.0.starts_with("February (or March, in the New\n\nStyle"),
                "{d:?}"
            );
            assert!(d.0.ends_with("of 1917"), "{d:?}");
        } else {
            assert_eq!(d.0, s);
        }
        assert_eq!((iv(d), d.3, d.4), (i, inferred, aside), "{d:?}");
    }
    // The title is not a region, so nothing outside the regions is found.
    assert!(all.iter().all(|d| !d.0.contains("Exile")));
}

#[test]
fn context_crosses_regions_but_dates_do_not() {
    let text = "The war began in 1914.\n\nIn August the armies met, 1918\n\n–21 was later.";
    let a = text.find("\n\nIn").unwrap();
    let b = text.rfind("\n\n").unwrap();
    let regions = [
        Span::new(0, a),
        Span::new(a + 2, b),
        Span::new(b + 2, text.len()),
    ];
    let all = shown(text, find_dates(text, &regions));
    let got: Vec<_> = all.iter().map(|d| (d.0.as_str(), d.1.as_str())).collect();
    assert_eq!(
        got,
        [
            ("1914", "1914-01-01..1914-12-31"),
            ("August", "1914-08-01..1914-08-31"),
            ("1918", "1918-01-01..1918-12-31"),
        ]
    );
    // Bad regions are skipped, never a panic.
    let s = "’1917";
    assert!(find_dates(s, &[Span::new(1, 9), Span::new(7, 3)]).is_empty());
}

#[test]
fn questions_with_ranges() {
    let q = "How far was Stalin responsible for the Great Terror, 1934–39?";
    let all = show(q);
    assert_eq!(all.len(), 1);
    assert_eq!(iv(&all[0]), "1934-01-01..1939-12-31");
    let q = "“The key turning point.” Assess this view of 1917 in the period 1855–1964.";
    assert_eq!(spans(q), ["1917", "1855–1964"]);
}

#[test]
fn many_dates_and_long_lines_scan_linearly() {
    let mut para = String::new();
    for i in 0..10_000 {
        para.push_str(&format!(
            "In {} and on {} May 1917 (14 June), ",
            1000 + i % 1000,
            1 + i % 28
        ));
    }
    let all = find_in(&para);
    assert_eq!(all.len(), 20_000);
    let line = "x".repeat(1 << 20) + &"1917–".repeat(200_000);
    let found = find_in(&line);
    assert!(!found.is_empty());
    let spaces = "( February ".repeat(200_000);
    let _ = find_in(&spaces);
}

fn check_invariants(text: &str, found: &[DateMention]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for m in found {
        prop_assert!(m.span.start < m.span.end && m.span.end <= text.len());
        prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        prop_assert!(m.span.start >= last_end, "sorted and disjoint");
        prop_assert!(m.interval.start <= m.interval.end);
        prop_assert!(m.interval.start.is_valid() && m.interval.end.is_valid());
        last_end = m.span.end;
    }
    Ok(())
}

/// Text made of the pieces dates are built from, so the grammar is
/// exercised far more than by random characters.
fn datey_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "1917",
        "21",
        "25",
        "the",
        "early",
        "late",
        "mid",
        "-",
        "–",
        "—",
        "(",
        ")",
        ",",
        ".",
        "of",
        "to",
        "and",
        "from",
        "between",
        "October",
        "May",
        "August",
        "winter",
        "spring",
        "1920s",
        "'",
        "’",
        "s",
        "century",
        "twentieth",
        "19th",
        "Revolution",
        "in",
        "called",
        "as",
        "year",
        "following",
        "two",
        "years",
        "later",
        "p",
        "men",
        "/",
        "\u{a0}",
        "\n\n",
        "é",
        "1",
        "0",
        "th",
    ]);
    let sep = prop::sample::select(vec!["", " ", "\n\n", "\u{a0}"]);
    prop::collection::vec((piece, sep), 0..60)
        .prop_map(|v| v.into_iter().flat_map(|(p, s)| [p, s]).collect::<String>())
}

proptest! {
    /// The hand-written ISO form equals padded formatting, for any date.
    #[test]
    fn days_print_as_padded_formatting_prints_them(year in any::<i32>(), month in any::<u8>(), day in any::<u8>()) {
        let d = Ymd::new(year, month, day);
        prop_assert_eq!(d.to_string(), format!("{year:04}-{month:02}-{day:02}"));
        let early = Ymd::new(year.rem_euclid(10_000), month % 13, day % 32);
        prop_assert_eq!(early.to_string(), format!("{:04}-{:02}-{:02}", early.year, early.month, early.day));
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        let found = find_in(&text);
        check_invariants(&text, &found)?;
    }

    #[test]
    fn datey_strings_keep_invariants(text in datey_text()) {
        let found = find_in(&text);
        check_invariants(&text, &found)?;
    }

    #[test]
    fn arbitrary_regions_never_panic(
        text in datey_text(),
        cuts in prop::collection::vec(0usize..400, 0..8),
    ) {
        let mut cuts = cuts;
        cuts.sort_unstable();
        let regions: Vec<Span> = cuts.chunks(2).map(|c| Span::new(c[0], *c.last().unwrap_or(&0))).collect();
        let found = find_dates(&text, &regions);
        check_invariants(&text, &found)?;
    }
}

/// cargo-fuzz `dates` crash 698dd970: a run of 23 digits overflowed the
/// lexer's number value (saturating multiply, then a plain add).
#[test]
fn crash_698dd970_long_digit_run_does_not_overflow() {
    let text = "between 1914 and 1924)55555555555555555555555 fell on 25 October";
    let found = find_in(text);
    assert!(found.iter().all(|m| m.interval.start <= m.interval.end));
    assert!(find_in(&"9".repeat(100)).is_empty());
}
