//! Where a date falls against the question's window.

use serde::Serialize;

use crate::find::dates::Interval;
use crate::question::Window;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Inside,
    Before,
    After,
    /// Partly inside, partly outside ("1918–1925" against "up to 1922").
    Overlaps,
    /// The question has no window.
    Unknown,
}

/// Relates a date interval to a window.
pub fn relate(interval: Interval, window: Window) -> Relation {
    if window.is_open() {
        return Relation::Unknown;
    }
    let after_start = window.start.is_none_or(|s| interval.start >= s);
    let before_end = window.end.is_none_or(|e| interval.end <= e);
    if after_start && before_end {
        return Relation::Inside;
    }
    if window.end.is_some_and(|e| interval.start > e) {
        return Relation::After;
    }
    if window.start.is_some_and(|s| interval.end < s) {
        return Relation::Before;
    }
    Relation::Overlaps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::find::dates::Ymd;

    fn years(a: i32, b: i32) -> Interval {
        Interval {
            start: Ymd::year_start(a),
            end: Ymd::year_end(b),
        }
    }

    #[test]
    fn relations() {
        let w = Window {
            start: Some(Ymd::year_start(1917)),
            end: Some(Ymd::year_end(1922)),
        };
        assert_eq!(relate(years(1918, 1918), w), Relation::Inside);
        assert_eq!(relate(years(1925, 1925), w), Relation::After);
        assert_eq!(relate(years(1905, 1905), w), Relation::Before);
        assert_eq!(relate(years(1914, 1924), w), Relation::Overlaps);
        let up_to = Window {
            start: None,
            end: Some(Ymd::year_end(1922)),
        };
        assert_eq!(relate(years(1905, 1905), up_to), Relation::Inside);
        assert_eq!(
            relate(years(1918, 1918), Window::default()),
            Relation::Unknown
        );
    }
}
