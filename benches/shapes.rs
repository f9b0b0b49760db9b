//! Inputs for the scaling bench and `examples/scale.rs`: essays of growing
//! size and the worst shapes a pasted or generated file can take.

/// A paragraph of essay prose, with dates, quotes, abbreviations and a name.
const PARAGRAPH: &str = "In October 1917 the Bolsheviks seized power in Petrograd, and Trotsky, as \
chairman of the Military Revolutionary Committee, planned the rising (Service, p. 12). \
Lenin had argued since April that “all power to the Soviets” was the answer; e.g. the \
July Days showed how weak the Provisional Government was. However, St. Petersburg’s \
workers were divided, and the following year the Red Army, built by Trotsky, won the \
civil war by 1921. This shows that his contribution was decisive, because without \
the Army the regime would have fallen.\n\n";

/// An essay of about `bytes` bytes: a title and repeated paragraphs.
pub fn essay(bytes: usize) -> String {
    let mut s = String::from(
        "How far was Trotsky responsible for the success of the Bolsheviks up to 1922?\n\n",
    );
    while s.len() < bytes {
        s.push_str(PARAGRAPH);
    }
    s
}

/// The named worst shape.
pub fn shape(name: &str) -> String {
    match name {
        // Everything on one 2 MB line: no paragraph breaks at all.
        "one-line-2mb" => essay(2 << 20).replace('\n', " "),
        "blank-lines-200k" => {
            let mut s = String::from("The Bolsheviks won.\n");
            s.push_str(&"\n".repeat(200_000));
            s.push_str("Trotsky led the Red Army.\n");
            s
        }
        "nested-brackets-50k" => {
            format!(
                "Trotsky {} led the army. {}",
                "(".repeat(50_000),
                ")".repeat(50_000)
            )
        }
        // One paragraph, one "sentence": no stop anywhere.
        "words-100k" => "the Bolsheviks won because Trotsky led ".repeat(20_000),
        "dates-10k" => "In 1917, then March 1918, 25 October 1917 and the 1920s; ".repeat(2_500),
        _ => panic!("unknown shape {name}"),
    }
}

pub const SHAPES: &[&str] = &[
    "one-line-2mb",
    "blank-lines-200k",
    "nested-brackets-50k",
    "words-100k",
    "dates-10k",
];

pub const SIZES: &[usize] = &[1 << 10, 10 << 10, 100 << 10, 1 << 20, 10 << 20];
