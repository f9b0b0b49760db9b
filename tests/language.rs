//! Not English, not prose: such text gets one `input.*` error and no roles
//! or other findings, while the English samples and the real draft (which
//! quotes Russian names) are analysed as before.

use argmark::analysis::{Analysis, Options, analyze};
use argmark::roles::Role;
use std::path::Path;

fn run(text: &str) -> Analysis {
    analyze(text.to_owned(), &Options::default())
}

fn input_findings(a: &Analysis) -> Vec<&'static str> {
    a.findings
        .iter()
        .map(|f| f.code)
        .filter(|c| c.starts_with("input."))
        .collect()
}

#[test]
fn samples_are_english_prose() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if !matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt" | "md")
        ) || path.ends_with("README.md")
        {
            continue;
        }
        let a = run(&std::fs::read_to_string(&path).unwrap());
        assert!(input_findings(&a).is_empty(), "{}", path.display());
        assert!(a.roles.iter().any(|r| r.confidence > 0.0));
    }
}

#[test]
fn a_german_essay_gets_one_error_and_no_roles() {
    let text = "Wie weit war Trotzki für den Erfolg der Bolschewiki verantwortlich?\n\n\
        Die Oktoberrevolution wurde von Lenin und Trotzki geführt. Die Bolschewiki ergriffen \
        im November 1917 die Macht in Petrograd, und der Bürgerkrieg dauerte bis 1921.\n\n\
        Trotzki baute die Rote Armee auf, die den Krieg gegen die Weißen gewann. Ohne ihn \
        hätte das Regime nicht überlebt, weil die Armee entscheidend war.\n";
    let a = run(text);
    let codes: Vec<_> = a.findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, ["input.not-english"]);
    assert!(!a.roles.is_empty());
    assert!(
        a.roles
            .iter()
            .all(|r| r.role == Role::Other && r.confidence == 0.0)
    );
}

#[test]
fn a_list_of_links_is_not_prose() {
    let text = "https://example.com/trotsky\nhttps://example.com/lenin\nhttps://example.org/1917\n";
    assert_eq!(input_findings(&run(text)), ["input.not-prose"]);
}

#[test]
#[ignore = "needs ../shared"]
fn the_real_draft_is_english_prose() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/000_71675bf1ff25ebb9.txt");
    let a = run(&std::fs::read_to_string(path).unwrap());
    assert!(input_findings(&a).is_empty());
    assert!(a.findings.iter().any(|f| f.code == "dates.after-window"));
}
