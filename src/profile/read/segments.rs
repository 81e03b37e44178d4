//! `[[segments]]`: each segment's name, ACV, share of revenue and the
//! answers it overrides; shares adding up to at most the whole.

use super::{MAX_SEGMENTS, Reader, SEGMENT_KEYS, Value, WHOLE_BP, check_name, join};
use crate::profile::SegmentAnswers;
use toml::de::DeValue;

impl Reader<'_> {
    pub(super) fn segments(&mut self, value: &Value<'_>) -> Vec<SegmentAnswers> {
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type("segments", value, "an array of tables (`[[segments]]`)");
            return Vec::new();
        };
        let mut segments = Vec::new();
        let mut total: u32 = 0;
        if items.len() > MAX_SEGMENTS {
            let message = format!(
                "a profile describes at most {MAX_SEGMENTS} segments, found {}",
                items.len()
            );
            self.problem(value.span(), "segments", message).help =
                Some("group small segments together; shares of revenue are what matter".into());
            return Vec::new();
        }
        for (i, item) in items.iter().enumerate() {
            let prefix = format!("segments[{i}]");
            let Some(table) = self.table("segments", item) else {
                continue;
            };
            let (mut name, mut acv, mut share) = (None, None, None);
            let (mut buyer, mut compliance, mut onboarding) = (None, None, None);
            let (mut time_to_value, mut signals) = (None, None);
            for (key, value) in table.iter() {
                let path = join(&prefix, key.get_ref());
                self.remember(&path, key.span());
                match key.get_ref().as_ref() {
                    "name" => {
                        if let Some(text) = self.string(&path, value) {
                            match check_name(text) {
                                Ok(n) => name = Some(n),
                                Err(why) => {
                                    self.problem(value.span(), &path, why);
                                }
                            }
                        }
                    }
                    "acv" => acv = self.acv_at(&path, value),
                    "share" => share = self.share(&path, value),
                    "buyer" => buyer = self.choice(&path, value),
                    "compliance" => compliance = self.choice(&path, value),
                    "onboarding" => onboarding = self.choice(&path, value),
                    "time_to_value" => time_to_value = self.duration(&path, value),
                    "signals" => {
                        if let Some(t) = self.table(&path, value) {
                            signals = Some(self.signals_at(&path, t));
                        }
                    }
                    _ => self.unknown_key(&prefix, key, SEGMENT_KEYS),
                }
            }
            for (key, found) in [
                ("name", name.is_some()),
                ("acv", acv.is_some()),
                ("share", share.is_some()),
            ] {
                if !found && !table.contains_key(key) {
                    let message = format!("a segment needs `{key}`");
                    self.problem(item.span(), &prefix, message);
                }
            }
            if let (Some(name), Some(acv), Some((share, share_bp))) = (name, acv, share) {
                total += share_bp;
                segments.push(SegmentAnswers {
                    name,
                    acv,
                    share,
                    share_bp,
                    time_to_value,
                    buyer,
                    compliance,
                    onboarding,
                    signals,
                });
            }
        }
        if total > WHOLE_BP {
            let message = format!(
                "the segments' shares add up to {}, more than 1",
                f64::from(total) / f64::from(WHOLE_BP)
            );
            self.problem(value.span(), "segments", message).help =
                Some("shares are fractions of revenue, 0 to 1, that add up to at most 1 (e.g. 0.6 and 0.4)".into());
        }
        segments
    }

    /// A share of revenue and the same share in basis points; it must be
    /// more than 0 and at most 1, in whole basis points.
    pub(super) fn share(&mut self, path: &str, value: &Value<'_>) -> Option<(f64, u32)> {
        let number = match value.get_ref() {
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            DeValue::Integer(i) => i.as_str().replace('_', "").parse::<f64>().ok(),
            _ => {
                self.wrong_type(path, value, "a number from 0 to 1");
                return None;
            }
        };
        let bp = number.map(|n| n * f64::from(WHOLE_BP));
        match (number, bp) {
            (Some(n), Some(bp)) if n > 0.0 && n <= 1.0 && (bp - bp.round()).abs() < 1e-6 => {
                // In range and whole, so the cast is exact.
                Some((n, bp.round() as u32))
            }
            (Some(n), Some(_)) if n > 0.0 && n <= 1.0 => {
                let message = format!(
                    "a share is counted in basis points (0.0001), found `{}`",
                    self.snippet(value.span())
                );
                self.problem(value.span(), path, message).help =
                    Some("round the share to at most four decimals, e.g. 0.3333".into());
                None
            }
            _ => {
                let message = format!(
                    "a share must be a number more than 0 and at most 1, found `{}`",
                    self.snippet(value.span())
                );
                self.problem(value.span(), path, message).help =
                    Some("write 0.6 for 60% of revenue".into());
                None
            }
        }
    }
}
