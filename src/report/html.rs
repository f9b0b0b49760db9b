//! The HTML report: one self-contained page (no scripts, no external
//! assets) that works offline and prints. The essay with every sentence
//! marked by its role (colour and a letter), dates marked inside or outside
//! the window, findings as notes beside their paragraph, the rubric's
//! criteria and suggested mark, and the timeline as inline SVG.
//!
//! Built with maud, which escapes all text by default.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::analysis::Analysis;
use crate::find::window::Relation;
use crate::finding::Finding;
use crate::roles::Role;
use crate::score::SUGGESTION;
use crate::span::Span;

const CSS: &str = r#"
:root{--ink:#1a1a1a;--muted:#555;--line:#ccc}
*{box-sizing:border-box}
body{font:16px/1.55 Georgia,"Times New Roman",serif;color:var(--ink);background:#fff;margin:0 auto;max-width:1150px;padding:1.5rem}
h1,h2,h3{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;line-height:1.2}
h1{font-size:1.5rem;margin:0 0 .25rem}
h2{font-size:1.15rem;margin:1.75rem 0 .5rem;border-bottom:2px solid var(--ink);padding-bottom:.2rem}
.meta{font-family:system-ui,Arial,sans-serif;font-size:.9rem;color:var(--muted)}
.meta dt{font-weight:700;color:var(--ink);float:left;clear:left;width:7rem}
.meta dd{margin:0 0 .2rem 7.5rem}
.mark{font-family:system-ui,Arial,sans-serif;font-size:1.2rem;font-weight:700;border:2px solid var(--ink);padding:.5rem .75rem;margin:1rem 0;display:inline-block}
.mark small{display:block;font-weight:400;font-size:.85rem}
.legend{font-family:system-ui,Arial,sans-serif;font-size:.85rem;display:flex;flex-wrap:wrap;gap:.35rem .9rem;padding:0;list-style:none}
.row{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:1.25rem;border-top:1px solid var(--line);padding:.6rem 0}
.para p{margin:0}
.notes{font-family:system-ui,Arial,sans-serif;font-size:.85rem}
.note{border-left:4px solid #888;padding:.25rem .5rem;margin:0 0 .5rem;background:#f6f6f6}
.note.warning,.note.error{border-color:#b00020}
.note.suggestion{border-color:#1f5fa8}
.note code{font-size:.8rem}
.s{padding:.05rem .1rem;border-radius:3px;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.tag{font-family:system-ui,Arial,sans-serif;font-size:.7rem;font-weight:700;border:1px solid #333;border-radius:3px;padding:0 .2rem;margin-right:.2rem;background:#fff;color:#000}
.r-thesis{background:#ffd8a8}.r-claim{background:#c3f0c8}.r-evidence{background:#bfe3ff}
.r-analysis{background:#ddd0ff}.r-counter{background:#ffc9e7}.r-link{background:#fff3a3}
.r-narrative{background:#e4e4e4}.r-other{background:transparent}
.date{font-weight:700;text-decoration:underline;text-decoration-thickness:2px}
.date.in{text-decoration-color:#1b7f3b}
.date.out{text-decoration-style:wavy;text-decoration-color:#b00020}
.date.out::after{content:" ⚠";font-size:.75em}
table{border-collapse:collapse;width:100%;font-family:system-ui,Arial,sans-serif;font-size:.9rem}
th,td{border:1px solid #999;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#eee}
.timeline svg{width:100%;height:auto;max-width:900px}
.whole .note{max-width:60rem}
@media print{
 body{max-width:none;padding:0;font-size:11pt}
 .row{break-inside:avoid}
 .s{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 h2{break-after:avoid}
 .mark{border-width:1pt}
}
"#;

/// The whole page for one essay.
pub fn render(file: &str, a: &Analysis) -> String {
    let mut s = head(&format!("argmark: {file}"));
    s.push_str(&article(file, None, a));
    s.push_str(&tail());
    s
}

/// The page's start: doctype, head with the style sheet, the legend.
pub fn head(title: &str) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
        }
    }
    .into_string()
    .replace("</html>", "")
        + "<body>\n"
        + &legend().into_string()
}

/// The page's end.
pub fn tail() -> String {
    "</body></html>\n".to_string()
}

fn legend() -> Markup {
    html! {
        section aria-label="Legend" {
            h2 { "Legend" }
            ul.legend {
                @for r in Role::ALL {
                    li { span class={"s r-" (r.as_str())} { span.tag { (r.letter()) } (r.as_str()) } }
                }
                li { span.date.in { "1918" } " date inside the window" }
                li { span.date.out { "1925" } " date outside the window" }
            }
        }
    }
}

/// One essay's report, as an `<article>`.
pub fn article(file: &str, student: Option<&str>, a: &Analysis) -> String {
    let q = &a.question;
    let whole: Vec<&Finding> = a
        .findings
        .iter()
        .filter(|f| paragraph_of(a, f.span).is_none())
        .collect();
    let markup = html! {
        article {
            h1 { "argmark report: " (file) }
            dl.meta {
                @if let Some(s) = student { dt { "Student" } dd { (s) } }
                dt { "Question" } dd { @if q.text.is_empty() { "none given or found" } @else { (q.text) } }
                dt { "Window" } dd { @if q.window.is_open() { "none" } @else { (q.window.label()) } }
                dt { "Topic" } dd { (a.topic.as_ref().map_or("none".to_string(), |t| t.pack.title.clone())) }
                dt { "Size" } dd { (a.doc.word_count()) " words, " (a.doc.paragraphs.len()) " paragraphs" }
            }
            @if let Some(s) = &a.score {
                p.mark {
                    "Suggested mark: " (s.mark) "/" (s.max) " (Level " (s.level) ")"
                    small { (super::json::note(s)) }
                }
            }
            @if !whole.is_empty() {
                section.whole {
                    h2 { "About the whole essay" }
                    @for f in &whole { (note(f)) }
                }
            }
            section {
                h2 { "The essay, sentence by sentence" }
                (essay(a))
            }
            @if !a.suppressed.is_empty() {
                section {
                    h2 { "Silenced in the essay" }
                    ul {
                        @for s in &a.suppressed {
                            li { code { (s.code) } " — " (s.reason) " (" (s.count) " finding(s))" }
                        }
                    }
                }
            }
            @if let Some(s) = &a.score {
                section {
                    h2 { "Rubric" }
                    table.criteria {
                        thead { tr { th { "Criterion" } th { "Level" } th { "Descriptor" } th { "Decided by" } } }
                        tbody {
                            @for c in &s.criteria {
                                tr {
                                    td { (c.title) }
                                    td { @if c.assessed { "L" (c.level) } @else { "—" } }
                                    td { (c.descriptor) }
                                    td {
                                        @for code in &c.findings { code { (code) } " " }
                                        (c.reasons.join("; "))
                                    }
                                }
                            }
                        }
                    }
                    p.meta { "Suggested mark: " (s.mark) "/" (s.max) " (Level " (s.level) ") — " (SUGGESTION) "." }
                }
            }
            (timeline(a))
        }
    };
    markup.into_string()
}

fn note(f: &Finding) -> Markup {
    html! {
        div class={"note " (f.severity.as_str())} {
            strong { (f.severity.as_str()) } " " code { (f.code) } br;
            (f.message) br;
            em { (f.suggestion) }
        }
    }
}

/// The paragraph (0-based) that holds a finding, when it is inside one.
fn paragraph_of(a: &Analysis, span: Span) -> Option<usize> {
    let whole = a.doc.paragraphs.len() > 1
        && span.start <= a.doc.paragraphs[0].span.start
        && span.end >= a.doc.paragraphs[a.doc.paragraphs.len() - 1].span.end;
    if whole {
        return None;
    }
    a.doc
        .paragraphs
        .iter()
        .position(|p| p.span.start <= span.start && span.start < p.span.end.max(p.span.start + 1))
}

fn essay(a: &Analysis) -> Markup {
    let mut roles = a.roles.iter();
    html! {
        @for (i, p) in a.doc.paragraphs.iter().enumerate() {
            div.row {
                div.para {
                    p {
                        @for s in &p.sentences {
                            @let r = roles.next().map_or(Role::Other, |r| r.role);
                            span class={"s r-" (r.as_str())} title=(r.as_str()) {
                                span.tag aria-hidden="true" { (r.letter()) }
                                (sentence(a, s.span))
                            }
                            " "
                        }
                    }
                }
                aside.notes aria-label={"Notes on paragraph " (i + 1)} {
                    @for f in a.findings.iter().filter(|f| paragraph_of(a, f.span) == Some(i)) {
                        (note(f))
                    }
                }
            }
        }
    }
}

/// A sentence's text with its dates marked.
fn sentence(a: &Analysis, span: Span) -> Markup {
    let mut pieces: Vec<(String, Option<bool>)> = Vec::new();
    let mut at = span.start;
    for d in a.dates_in(span) {
        let ds = d.mention.span;
        if ds.start < at {
            continue;
        }
        pieces.push((a.doc.display(Span::new(at, ds.start)), None));
        let inside = d.mention.naming_aside
            || matches!(
                d.relation,
                Relation::Inside | Relation::Overlaps | Relation::Unknown
            );
        pieces.push((a.doc.slice(ds).to_string(), Some(inside)));
        at = ds.end;
    }
    pieces.push((a.doc.display(Span::new(at, span.end)), None));
    html! {
        @for (i, (text, date)) in pieces.iter().enumerate() {
            @match date {
                None => {
                    // display() trims; keep the spaces around dates.
                    @if i > 0 && !text.is_empty() && !text.starts_with([',', '.', ';', ':', ')']) { " " }
                    (text)
                    @if i + 1 < pieces.len() && !text.is_empty() { " " }
                }
                Some(true) => span.date.in title="inside the window" { (text) },
                Some(false) => span.date.out title="outside the window" { (text) },
            }
        }
    }
}

fn timeline(a: &Analysis) -> Markup {
    let Some(t) = crate::topics::timeline::build(a) else {
        return html! {};
    };
    let (w, left, right) = (900.0_f32, 40.0_f32, 40.0_f32);
    let span = (t.end_year - t.start_year).max(1) as f32;
    let x = |year: f32| left + (year - t.start_year as f32) / span * (w - left - right);
    let years: Vec<i32> = (t.start_year..=t.end_year).collect();
    let inside: Vec<i32> = t
        .essay_years
        .iter()
        .copied()
        .filter(|y| (t.start_year..=t.end_year).contains(y))
        .collect();
    html! {
        section.timeline {
            h2 { "Timeline" }
            svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 900 190" role="img"
                aria-label={"Timeline " (t.start_year) "–" (t.end_year) ": the essay's dates and the topic's main events"} {
                line x1=(left) y1="90" x2=(w - right) y2="90" stroke="#333" stroke-width="2" {}
                @for y in &years {
                    line x1=(x(*y as f32)) y1="84" x2=(x(*y as f32)) y2="96" stroke="#333" {}
                    text x=(x(*y as f32)) y="112" font-size="12" text-anchor="middle" font-family="Arial" { (y) }
                }
                @for y in &inside {
                    circle cx=(x(*y as f32 + 0.5)) cy="90" r="6" fill="#1f5fa8" { title { "The essay dates something in " (y) } }
                }
                @for (k, e) in t.events.iter().enumerate() {
                    @let ex = x(e.year as f32 + 0.5);
                    @let ey = if k % 2 == 0 { 60.0 } else { 140.0 };
                    line x1=(ex) y1="90" x2=(ex) y2=(ey) stroke=(if e.mentioned { "#1b7f3b" } else { "#999" }) stroke-dasharray=(if e.mentioned { "none" } else { "3 3" }) {}
                    text x=(ex) y=(if k % 2 == 0 { ey - 4.0 } else { ey + 12.0 }) font-size="11" text-anchor="middle" font-family="Arial"
                        fill=(if e.mentioned { "#1b7f3b" } else { "#666" }) {
                        (e.name) @if e.mentioned { " ✓" }
                    }
                }
            }
            p.meta {
                "Blue dots: years the essay dates. Green: the topic's events the essay names; grey dashed: events it does not."
                @if let Some(r) = &t.essay_reaches { " The essay's argument reaches " (r) "." }
            }
        }
    }
}
