//! Day arithmetic on [`Ymd`] and [`Interval`]: just what resolving written
//! dates needs (month lengths, leap years, whole months and years).

use super::{Interval, Ymd};

impl Ymd {
    /// Gregorian leap year (proleptic; Old Style dates are not converted).
    pub const fn is_leap(year: i32) -> bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days in `month` of `year`; 0 for a month number outside 1–12.
    pub const fn days_in_month(year: i32, month: u8) -> u8 {
        match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if Ymd::is_leap(year) => 29,
            2 => 28,
            _ => 0,
        }
    }

    pub const fn month_end(year: i32, month: u8) -> Self {
        Ymd::new(year, month, Ymd::days_in_month(year, month))
    }

    /// A real day of the calendar (no 31 April, no 29 February 1917).
    pub const fn is_valid(self) -> bool {
        self.day >= 1 && self.day <= Ymd::days_in_month(self.year, self.month)
    }

    /// The same day `n` years on; 29 February falls back to the 28th.
    pub const fn add_years(self, n: i32) -> Self {
        let year = self.year + n;
        let last = Ymd::days_in_month(year, self.month);
        let day = if self.day > last { last } else { self.day };
        Ymd::new(year, self.month, day)
    }
}

impl Interval {
    /// The interval from the earlier to the later of two days.
    pub fn new(a: Ymd, b: Ymd) -> Self {
        Interval {
            start: a.min(b),
            end: a.max(b),
        }
    }

    pub const fn day(d: Ymd) -> Self {
        Interval { start: d, end: d }
    }

    pub const fn year(year: i32) -> Self {
        Interval {
            start: Ymd::year_start(year),
            end: Ymd::year_end(year),
        }
    }

    /// Whole years `from` to `to` inclusive.
    pub fn years(from: i32, to: i32) -> Self {
        Interval::new(Ymd::year_start(from.min(to)), Ymd::year_end(from.max(to)))
    }

    /// Whole months: `m1` of `y1` to `m2` of `y2`.
    pub fn months(y1: i32, m1: u8, y2: i32, m2: u8) -> Self {
        Interval::new(Ymd::new(y1, m1, 1), Ymd::month_end(y2, m2))
    }

    /// The smallest interval covering both.
    pub fn cover(self, other: Interval) -> Self {
        Interval {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn contains(self, d: Ymd) -> bool {
        self.start <= d && d <= self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_lengths_follow_leap_rules() {
        assert_eq!(Ymd::days_in_month(1900, 2), 28);
        assert_eq!(Ymd::days_in_month(2000, 2), 29);
        assert_eq!(Ymd::days_in_month(1916, 2), 29);
        assert_eq!(Ymd::days_in_month(1917, 4), 30);
        assert_eq!(Ymd::days_in_month(1917, 13), 0);
        assert!(!Ymd::new(1917, 2, 29).is_valid());
        assert!(Ymd::new(1916, 2, 29).is_valid());
    }

    #[test]
    fn adding_years_clamps_leap_day() {
        assert_eq!(Ymd::new(1916, 2, 29).add_years(1), Ymd::new(1917, 2, 28));
        assert_eq!(Ymd::new(1917, 10, 25).add_years(2), Ymd::new(1919, 10, 25));
    }
}
