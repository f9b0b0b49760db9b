//! Snapshot tests of the reports on the bundled samples: any change to what a
//! student or marker sees shows up as a reviewed diff.

use argmark::analysis::{Options, analyze};
use argmark::report::{json, table};

#[path = "support/samples.rs"]
mod samples;
use samples::SAMPLES;

fn sample(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn table_reports() {
    for name in SAMPLES {
        let a = analyze(sample(name), &Options::default());
        let out = table::render(
            &format!("samples/{name}"),
            &a,
            table::Options {
                width: 100,
                why: false,
            },
        );
        let plain = anstream::adapter::strip_str(&out).to_string();
        insta::assert_snapshot!(format!("table-{name}"), plain);
    }
}

/// `--why`: every sentence's role and the features that decided it.
#[test]
fn why_reports() {
    for name in ["strong.txt", "narrative.txt"] {
        let a = analyze(sample(name), &Options::default());
        let out = table::render(
            name,
            &a,
            table::Options {
                width: 100,
                why: true,
            },
        );
        let plain = anstream::adapter::strip_str(&out).to_string();
        let why = plain
            .split_once("Why each sentence")
            .map(|(_, w)| w.to_string())
            .unwrap();
        insta::assert_snapshot!(format!("why-{name}"), why);
    }
}

#[test]
fn json_reports() {
    for name in SAMPLES {
        let a = analyze(sample(name), &Options::default());
        let mut value =
            serde_json::to_value(json::Report::new(&format!("samples/{name}"), "UTF-8", &a))
                .unwrap();
        // The text is the sample itself; the snapshot need not repeat it.
        value["text"] = serde_json::Value::String(format!("<samples/{name}>"));
        insta::assert_json_snapshot!(format!("json-{name}"), value);
    }
}
