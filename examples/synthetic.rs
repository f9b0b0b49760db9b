//! Synthetic essays for benchmarks: deterministic, 300–1,200 words each,
//! history-flavoured so the analysis does real work (dates, focus words).
//!
//! As an example it writes a corpus: `cargo run --release --example
//! synthetic -- DIR 10000` creates DIR/essay00000.txt …

const SENTENCES: &[&str] = &[
    "Lenin returned to Petrograd in April 1917 and published the April Theses.",
    "The Provisional Government lost support because it continued the war.",
    "Trotsky organised the Red Army during the Civil War of 1918 to 1921.",
    "However, the Whites were divided and lacked popular support.",
    "War Communism alienated the peasants, which led to the Tambov rising.",
    "In March 1921 the Kronstadt sailors rebelled against the Bolsheviks.",
    "Therefore the New Economic Policy was a retreat forced by circumstances.",
    "Stalin became General Secretary in 1922, giving him control of appointments.",
    "Historians such as Figes argue that the revolution was a people's tragedy.",
    "The Cheka used terror to remove opposition after December 1917.",
];

/// The `i`th essay: a title, then paragraphs of varied length.
pub fn essay(i: usize) -> String {
    let mut seed = (i as u64)
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = |n: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        (seed >> 33) % n
    };
    let target = 300 + next(901) as usize;
    let mut text =
        String::from("How far was Lenin responsible for the Bolshevik victory, 1917-21?\n\n");
    let mut words = 0;
    while words < target {
        for _ in 0..(3 + next(5)) {
            let s = SENTENCES[next(SENTENCES.len() as u64) as usize];
            words += s.split_whitespace().count();
            text.push_str(s);
            text.push(' ');
        }
        text.push_str("\n\n");
    }
    text
}

#[allow(dead_code)]
fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("usage: synthetic DIR [COUNT]"));
    let count: usize = args.next().map_or(10_000, |n| n.parse().expect("a number"));
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..count {
        std::fs::write(dir.join(format!("essay{i:05}.txt")), essay(i)).unwrap();
    }
    eprintln!("wrote {count} essays to {}", dir.display());
}
