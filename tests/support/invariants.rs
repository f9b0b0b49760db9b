//! The invariants every input must keep, shared by the property tests, the
//! stable fuzz run (`tests/fuzz.rs`) and the cargo-fuzz targets (`fuzz/`),
//! so that all three hold the pipeline to the same promises.
#![allow(dead_code)] // each user calls a different subset

use argmark::analysis::{self, Analysis, Options};
use argmark::find::dates::{DateMention, Interval, Ymd};
use argmark::question::{Question, Source};
use argmark::read::{self, Limits};
use argmark::report::{json, table};
use argmark::span::Span;

/// A span lies inside `text` and both ends are on char boundaries.
pub fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} span {span:?} outside text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} span {span:?} not on char boundaries"
    );
}

fn days_in(year: i32, month: u8) -> u8 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn assert_day(d: Ymd) {
    assert!((1..=12).contains(&d.month), "bad month in {d}");
    assert!(
        d.day >= 1 && d.day <= days_in(d.year, d.month),
        "bad day in {d}"
    );
}

/// start <= end, and both are real calendar days.
pub fn assert_interval(i: Interval) {
    assert_day(i.start);
    assert_day(i.end);
    assert!(i.start <= i.end, "interval {} > {}", i.start, i.end);
}

/// Dates found in `text`: inside it, in order, disjoint, well-formed.
pub fn assert_dates(text: &str, dates: &[DateMention]) {
    let mut last = 0;
    for d in dates {
        assert_span(text, d.span, "date");
        assert!(d.span.start >= last, "dates overlap or out of order");
        last = d.span.end;
        assert_interval(d.interval);
    }
}

/// The layout, dates, roles and findings of one analysis.
pub fn assert_analysis(a: &Analysis) {
    let text = a.doc.text.as_str();
    if let Some(t) = a.doc.title {
        assert_span(text, t, "title");
    }
    let mut last = 0;
    for p in &a.doc.paragraphs {
        assert_span(text, p.span, "paragraph");
        assert!(p.span.start >= last, "paragraphs overlap or out of order");
        last = p.span.end;
        let mut s_last = p.span.start;
        for s in &p.sentences {
            assert_span(text, s.span, "sentence");
            assert!(p.span.contains(s.span), "sentence outside its paragraph");
            assert!(s.span.start >= s_last, "sentences overlap or out of order");
            // Whatever lies between sentences is white space: no prose lost.
            let gap = &text[s_last..s.span.start];
            assert!(gap.trim().is_empty(), "sentences skip {gap:?}");
            s_last = s.span.end;
            let mut w_last = s.span.start;
            for w in &s.words {
                assert_span(text, w.span, "word");
                assert!(s.span.contains(w.span), "word outside its sentence");
                assert!(w.span.start >= w_last, "words overlap or out of order");
                w_last = w.span.end;
            }
        }
        let tail = &text[s_last..p.span.end];
        assert!(tail.trim().is_empty(), "sentences miss the tail {tail:?}");
    }
    let mentions: Vec<DateMention> = a.dates.iter().map(|d| d.mention.clone()).collect();
    assert_dates(text, &mentions);
    assert_eq!(a.roles.len(), a.doc.sentence_count(), "one role a sentence");
    for f in &a.findings {
        assert_span(text, f.span, f.code);
        assert!(
            argmark::checks::lookup(f.code).is_some(),
            "{} missing from the catalog",
            f.code
        );
    }
}

/// Checks the JSON report: parses, carries `text`, and every span is within
/// it in code points.
pub fn assert_json(text: &str, out: &str) -> serde_json::Value {
    let v: serde_json::Value = serde_json::from_str(out).expect("JSON report parses");
    assert_eq!(v["text"].as_str(), Some(text), "JSON text is the essay");
    let chars = text.chars().count() as u64;
    let mut spans = Vec::new();
    collect_spans(&v, &mut spans);
    for s in spans {
        assert!(
            s[0] <= s[1] && s[1] <= chars,
            "JSON span {s:?} past {chars}"
        );
    }
    v
}

fn collect_spans(v: &serde_json::Value, out: &mut Vec<[u64; 2]>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, x) in map {
                if k == "span" {
                    let a = x.as_array().expect("span is an array");
                    out.push([a[0].as_u64().unwrap(), a[1].as_u64().unwrap()]);
                } else {
                    collect_spans(x, out);
                }
            }
        }
        serde_json::Value::Array(xs) => xs.iter().for_each(|x| collect_spans(x, out)),
        _ => {}
    }
}

/// Analyses `text` with and without a question, renders every format and
/// checks every invariant; returns the JSON so callers can compare runs.
pub fn check_text(text: &str) -> String {
    let mut json_out = String::new();
    for question in [
        None,
        Some("How far was Trotsky responsible for the success of the Bolsheviks up to 1922?"),
    ] {
        let options = Options {
            question: question.map(String::from),
            ..Options::default()
        };
        let a = analysis::analyze(text.to_owned(), &options);
        assert_analysis(&a);
        let _ = table::render("fuzz.txt", &a, table::Options::default());
        let _ = table::render(
            "fuzz.txt",
            &a,
            table::Options {
                width: 40,
                why: true,
            },
        );
        json_out = json::render("fuzz.txt", "UTF-8", &a);
        assert_json(text, &json_out);
        // Batch rows are written by another serialiser: the same bytes.
        let report = json::Report::new("fuzz.txt", "UTF-8", &a);
        assert_eq!(
            argmark::batch::json::to_string(&report, false),
            serde_json::to_string(&report).unwrap()
        );
    }
    json_out
}

/// Reads bytes as each kind of input; whatever reads is analysed.
pub fn check_bytes(bytes: &[u8]) {
    let limits = Limits::default();
    // The content decides the kind more often than the name, so the same
    // text often comes back: analyse each distinct text once.
    let mut seen: Vec<String> = Vec::new();
    for name in ["fuzz.txt", "fuzz.docx", "fuzz.odt"] {
        match read::read_bytes(name.into(), bytes, limits) {
            Ok(source) => {
                assert!(!read::is_blank(&source.text), "blank text accepted");
                if !seen.contains(&source.text) {
                    check_text(&source.text);
                    seen.push(source.text);
                }
            }
            Err(e) => {
                let msg = e.to_string();
                assert!(msg.starts_with(name), "error names the file: {msg}");
                assert!(!msg.contains('\n'), "error is one line: {msg}");
            }
        }
    }
}

/// Parses a question and checks its window and dates.
pub fn check_question(text: &str) {
    let q = Question::parse(text, Source::Option);
    if let (Some(s), Some(e)) = (q.window.start, q.window.end) {
        assert_interval(Interval { start: s, end: e });
    }
    let _ = json::Report::question(&q);
}

/// Finds dates in one region and checks them.
pub fn check_dates(text: &str) {
    assert_dates(text, &argmark::find::dates::find_in(text));
}
