//! UWES-9, the short Utrecht Work Engagement Scale (Schaufeli, Bakker & Salanova 2006;
//! Japanese version by Shimazu et al. 2008, same item order): nine items answered 0
//! (never) to 6 (always every day). The item order is the published one:
//!
//! | item | statement | subscale |
//! |---|---|---|
//! | 1 | At my work, I feel bursting with energy | vigor |
//! | 2 | At my job, I feel strong and vigorous | vigor |
//! | 3 | I am enthusiastic about my job | dedication |
//! | 4 | My job inspires me | dedication |
//! | 5 | When I get up in the morning, I feel like going to work | vigor |
//! | 6 | I feel happy when I am working intensely | absorption |
//! | 7 | I am proud of the work that I do | dedication |
//! | 8 | I am immersed in my work | absorption |
//! | 9 | I get carried away when I am working | absorption |
//!
//! A subscale's score is the mean of its three items, the total the mean of all nine;
//! a group's score is the mean over its respondents. Since every respondent answers
//! every item, the group's score is the sum of the items over the group divided by
//! the number of answers, kept here as exact integer sums.

use super::Scale;

/// Items in a UWES-9 answer.
pub const ITEMS: usize = 9;

/// The highest answer of an item (0 is the lowest).
pub const MAX_ANSWER: u8 = 6;

/// A subscale of UWES-9.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subscale {
    /// 活力: items 1, 2, 5.
    Vigor,
    /// 熱意: items 3, 4, 7.
    Dedication,
    /// 没頭: items 6, 8, 9.
    Absorption,
}

/// The subscale of each item, item 1 first.
pub const ASSIGNMENT: [Subscale; ITEMS] = [
    Subscale::Vigor,
    Subscale::Vigor,
    Subscale::Dedication,
    Subscale::Dedication,
    Subscale::Vigor,
    Subscale::Absorption,
    Subscale::Dedication,
    Subscale::Absorption,
    Subscale::Absorption,
];

/// The scales an item-level import gives, in this order: the total, then vigor,
/// dedication and absorption.
pub fn scales() -> Vec<Scale> {
    [
        ("engagement", "ワーク・エンゲイジメント"),
        ("vigor", "活力"),
        ("dedication", "熱意"),
        ("absorption", "没頭"),
    ]
    .into_iter()
    .map(|(key, name)| Scale {
        key: key.into(),
        name: name.into(),
    })
    .collect()
}

/// One group's answers so far: respondents and item sums per subscale.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UwesTally {
    pub respondents: u32,
    /// Sums of the items of vigor, dedication and absorption.
    sums: [u64; 3],
}

impl UwesTally {
    /// Adds one respondent's nine answers (each 0-6; the caller checks).
    pub fn add(&mut self, answers: &[u8; ITEMS]) {
        self.respondents += 1;
        for (answer, sub) in answers.iter().zip(ASSIGNMENT) {
            self.sums[sub as usize] += u64::from(*answer);
        }
    }

    /// The group's means in the order of [`scales`]: total, vigor, dedication,
    /// absorption. None without respondents.
    pub fn means(&self) -> Option<[f64; 4]> {
        if self.respondents == 0 {
            return None;
        }
        let n = f64::from(self.respondents);
        let [v, d, a] = self.sums.map(|s| s as f64 / (3.0 * n));
        let total = self.sums.iter().sum::<u64>() as f64 / (9.0 * n);
        Some([total, v, d, a])
    }
}
