//! The four job-level bands (職層) of the skill map, and the title-to-band map, which is
//! data: a city edits it without a new release.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A band of the skill map, 1 (主任・主事) to 4 (部長・課長).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8")]
pub struct Band(u8);

impl TryFrom<u8> for Band {
    type Error = String;
    /// Read back from bytes (a record, or a request to the server): only 1 to 4.
    fn try_from(n: u8) -> Result<Band, String> {
        Band::new(n).ok_or_else(|| format!("band {n} is not 1-4"))
    }
}

impl Band {
    pub const ALL: [Band; 4] = [Band(1), Band(2), Band(3), Band(4)];

    pub fn new(n: u8) -> Option<Band> {
        (1..=4).contains(&n).then_some(Band(n))
    }

    pub fn number(self) -> u8 {
        self.0
    }

    /// Zero-based position, for per-band arrays.
    pub fn index(self) -> usize {
        usize::from(self.0 - 1)
    }

    /// The label the policy's skill map gives the band.
    pub fn policy_label(self) -> &'static str {
        match self.0 {
            1 => "主任・主事",
            2 => "係長・専門員",
            3 => "課長補佐・主査",
            _ => "部長・課長",
        }
    }
}

impl fmt::Display for Band {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// One job title and the band it falls in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TitleBand {
    pub title: String,
    pub band: Band,
}

/// The editable map from titles to bands.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct TitleMap {
    entries: Vec<TitleBand>,
}

impl TitleMap {
    pub fn new(entries: Vec<TitleBand>) -> TitleMap {
        TitleMap { entries }
    }

    pub fn band_of(&self, title: &str) -> Option<Band> {
        self.entries
            .iter()
            .find(|e| e.title == title)
            .map(|e| e.band)
    }

    pub fn entries(&self) -> &[TitleBand] {
        &self.entries
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_band_read_from_bytes_is_one_to_four() {
        assert_eq!(serde_json::from_str::<Band>("2").unwrap(), Band(2));
        assert!(serde_json::from_str::<Band>("0").is_err());
        assert!(serde_json::from_str::<Band>("5").is_err());
    }

    #[test]
    fn only_four_bands() {
        assert!(Band::new(0).is_none());
        assert!(Band::new(5).is_none());
        assert_eq!(Band::new(3).unwrap().policy_label(), "課長補佐・主査");
    }

    #[test]
    fn map_is_data() {
        let map = TitleMap::new(vec![TitleBand {
            title: "主任技師".into(),
            band: Band(1),
        }]);
        assert_eq!(map.band_of("主任技師"), Band::new(1));
        assert_eq!(map.band_of("市長"), None);
    }
}
