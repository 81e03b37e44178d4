//! The interview's questions as data: what each fills in, how it is
//! asked, why it matters, the options of each list, and how a typed answer
//! is checked (with the parsers profile files use).

use crate::motion::{Buyer, Compliance, Motion, Onboarding, Segment, SwitchingCost};
use crate::profile::{Duration, Money, check_name};

/// One option of a select: its id and a one-line meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// The value as written in profiles.
    pub id: &'static str,
    /// What it means, in a few words.
    pub meaning: &'static str,
}

/// Checks a free-text answer: the value to keep, or why it was refused.
pub type Check<'a> = &'a dyn Fn(&str) -> Result<String, String>;

/// A check that needs nothing but the text, as the questions' table names them.
pub type CheckFn = fn(&str) -> Result<String, String>;

/// What a question fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// `name`
    Name,
    /// `acv`
    Acv,
    /// `time_to_value`
    TimeToValue,
    /// `buyer`
    Buyer,
    /// `compliance`
    Compliance,
    /// `onboarding`
    Onboarding,
    /// A key of `[signals]`.
    Signal(&'static str),
    /// A key of `[practices]`.
    Practice(&'static str),
}

/// One question: what it fills, how it is asked, and why it matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// What the answer fills in.
    pub field: Field,
    /// The prompt.
    pub prompt: &'static str,
    /// One line: why it matters and which table it feeds.
    pub help: &'static str,
}

/// The five core facts and the name, in the order they are asked.
pub const CORE: &[Question] = &[
    Question {
        field: Field::Name,
        prompt: "Company or product name",
        help: "Used to title the result and the saved profile.",
    },
    Question {
        field: Field::Acv,
        prompt: "Annual contract value per customer (USD, e.g. 12000, $12k, 1.5M)",
        help: "Sets the starting motion: ACV framework (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::TimeToValue,
        prompt: "Time until a new user gets real value (e.g. 20 minutes, 3 days, 2 weeks)",
        help: "Under a day a product can sell itself; a week or more needs sales: When each motion fits (Sales-led vs PLG).",
    },
    Question {
        field: Field::Buyer,
        prompt: "Who decides to buy?",
        help: "Committees and non-user buyers need a salesperson: When each motion fits (Sales-led vs PLG).",
    },
    Question {
        field: Field::Compliance,
        prompt: "What compliance burden do buyers impose?",
        help: "A review before any trial needs a salesperson: signal tables (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Onboarding,
        prompt: "What does it take to get started?",
        help: "Self-serve setup lets the product sell; services need sales: When each motion fits (Sales-led vs PLG).",
    },
];

/// The optional signal and practice questions, in the order they are asked.
pub const OPTIONAL: &[Question] = &[
    Question {
        field: Field::Signal("individual_value"),
        prompt: "Does a single user get value alone?",
        help: "Value for one person lets adoption start small: PLG signals (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Signal("viral_loops"),
        prompt: "Do users naturally invite others?",
        help: "Invitations make acquisition compound without sales: PLG signals (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Signal("instrumented"),
        prompt: "Are usage milestones tracked in the product?",
        help: "Tracked usage lets the product qualify accounts: How to choose (Sales-led vs PLG).",
    },
    Question {
        field: Field::Signal("integration_heavy"),
        prompt: "Does value depend on connecting existing systems?",
        help: "Integration work is something buyers want help with: sales-led signals (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Signal("organic_demand"),
        prompt: "Do users already find the product unprompted?",
        help: "Organic demand is a product-led motion waiting to be served: Common mistakes (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Signal("developer_audience"),
        prompt: "Are the end users engineers?",
        help: "Developers prefer to try tools themselves: Common mistakes (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Signal("segment"),
        prompt: "Which segment do you mainly sell to?",
        help: "Each segment buys its own way: Segment by customer type (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Signal("switching_cost"),
        prompt: "How costly is it for a customer to leave their current tool for yours?",
        help: "Their tool: a competitor's, or a spreadsheet. A cheap move lets people try first: PLG market signals (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Practice("motion"),
        prompt: "Which motion do you run today?",
        help: "Compared with the recommendation; switching motions is costly (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Practice("free_trial"),
        prompt: "Do you offer a free trial?",
        help: "A trial without usage tracking is a common pitfall (Sales-led vs PLG).",
    },
    Question {
        field: Field::Practice("pricing_public"),
        prompt: "Are your prices published?",
        help: "Hidden pricing for everyone marks a bad hybrid (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Practice("demo_required"),
        prompt: "Must prospects sit through a demo before they can start?",
        help: "Forcing a demo before a trial breaks the product experience (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Practice("sales_contacts_all_signups"),
        prompt: "Does sales contact every new signup?",
        help: "Sales should contact activated accounts, not every signup (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Practice("ae_commission_on_self_serve"),
        prompt: "Do account executives earn commission on self-serve revenue?",
        help: "Paying for revenue sales did not influence corrupts both motions (Sales-led vs PLG).",
    },
    Question {
        field: Field::Practice("separate_funnels"),
        prompt: "Does each motion have its own funnel, conversion model and forecast?",
        help: "One funnel for two motions gives meaningless ratios (Sales-led vs PLG).",
    },
    Question {
        field: Field::Practice("pql_defined"),
        prompt: "Have you defined product-qualified-lead criteria?",
        help: "PQLs tell sales whom to contact: The PQL model (Product-Led vs Sales-Led in 2026).",
    },
];

/// The question that leads to the optional ones.
pub const OPTIONAL_GATE: &str = "Answer optional questions about signals and current practices?";

/// The first option of every optional question: no answer.
pub const UNKNOWN: Choice = Choice {
    id: "not sure",
    meaning: "leave it unanswered; it then counts as false",
};
/// The first option of an optional question whose answer is a value, not
/// yes or no: unanswered, it is unknown rather than false.
pub const UNKNOWN_VALUE: Choice = Choice {
    id: UNKNOWN.id,
    meaning: "leave it unanswered (unknown)",
};
/// The options of a yes/no question.
pub const YES_NO: [Choice; 3] = [
    UNKNOWN,
    Choice {
        id: "yes",
        meaning: "",
    },
    Choice {
        id: "no",
        meaning: "",
    },
];

/// The question that leads to the segment questions.
pub const SEGMENTS_GATE: &str = "Describe customer segments, each with its own ACV?";
/// Why segments matter, shown before each segment.
pub const SEGMENTS_HELP: &str = "Each segment gets its own motion, and the hand-offs between them: Segment by customer type (Product-Led vs Sales-Led in 2026).";
/// The option of a segment's override that keeps the company's answer.
pub const SAME: Choice = Choice {
    id: "same",
    meaning: "as for the company as a whole",
};

/// Checks a segment's share of revenue.
/// A share of revenue in basis points (0.0001), as a profile holds it.
pub fn share_bp(text: &str) -> Option<u32> {
    let n = text.trim().parse::<f64>().ok()?;
    let bp = (n * 10_000.0).round();
    ((0.0..=10_000.0).contains(&bp)).then_some(bp as u32)
}

/// Checks a segment's share given the basis points `used` by the segments
/// before it, so the shares can never add up to more than the whole.
pub fn check_share_of(text: &str, used: u32) -> Result<String, String> {
    let left = 10_000u32.saturating_sub(used);
    let shown = |bp: u32| format!("{}", f64::from(bp) / 10_000.0);
    let not_a_share = || {
        format!(
            "`{}` is not a share; write a number more than 0 and at most {}, e.g. 0.35 for 35% of revenue",
            crate::diagnostic::short(text.trim()),
            shown(left)
        )
    };
    let Some(bp) = share_bp(text) else {
        return Err(not_a_share());
    };
    if bp == 0 {
        return Err(not_a_share());
    }
    if bp > left {
        return Err(if used == 0 {
            not_a_share()
        } else {
            format!(
                "{} so far; at most {} is left for this segment",
                shown(used),
                shown(left)
            )
        });
    }
    Ok(shown(bp))
}

/// `text` without one pair of surrounding quotes: the hints show forms such
/// as `"12,000"` as a profile file writes them, and a person may type them
/// so at a prompt.
fn unquoted(text: &str) -> &str {
    let t = text.trim();
    ['"', '\'']
        .iter()
        .find_map(|q| t.strip_prefix(*q).and_then(|r| r.strip_suffix(*q)))
        .unwrap_or(t)
}

/// Checks an ACV as typed.
pub fn check_acv(text: &str) -> Result<String, String> {
    unquoted(text)
        .parse::<Money>()
        .map(|m| m.to_string())
        .map_err(|e| match e {
            crate::profile::MoneyError::Unreadable(_) => {
                format!("{e}; type dollars per year, e.g. 12000, \"12,000\", \"$12k\" or \"1.5M\"")
            }
            _ => e.to_string(),
        })
}

/// Checks a time to value as typed.
pub fn check_duration(text: &str) -> Result<String, String> {
    unquoted(text)
        .parse::<Duration>()
        .map(|d| d.to_string())
        .map_err(|e| e.to_string())
}

/// The entry that goes back one question in a list, and what typed at a
/// text prompt does the same.
pub const BACK: Choice = Choice {
    id: "← back",
    meaning: "to the previous question; every answer is kept",
};
/// Typed at a text prompt, goes back one question.
pub const BACK_TYPED: &str = "<";

/// [`check_acv`], or `<` to go back.
pub fn acv_or_back(text: &str) -> Result<String, String> {
    if text.trim() == BACK_TYPED {
        return Ok(BACK_TYPED.to_string());
    }
    check_acv(text)
}

/// [`check_duration`], or `<` to go back.
pub fn duration_or_back(text: &str) -> Result<String, String> {
    if text.trim() == BACK_TYPED {
        return Ok(BACK_TYPED.to_string());
    }
    check_duration(text)
}

/// The checker for a free-text field.
pub fn check_for(field: Field) -> Option<CheckFn> {
    match field {
        Field::Name => Some(check_name),
        Field::Acv => Some(check_acv),
        Field::TimeToValue => Some(check_duration),
        _ => None,
    }
}

/// The options of a list of values.
pub fn choices<T: Copy>(
    all: &[T],
    id: fn(T) -> &'static str,
    meaning: fn(T) -> &'static str,
) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            id: id(*v),
            meaning: meaning(*v),
        })
        .collect()
}

/// The options of a select question, in DESIGN.md's order.
pub fn choices_for(field: Field) -> Vec<Choice> {
    let optional = |mut list: Vec<Choice>| {
        list.insert(0, UNKNOWN_VALUE);
        list
    };
    match field {
        Field::Buyer => choices(Buyer::ALL, Buyer::id, Buyer::meaning),
        Field::Compliance => choices(Compliance::ALL, Compliance::id, Compliance::meaning),
        Field::Onboarding => choices(Onboarding::ALL, Onboarding::id, Onboarding::meaning),
        Field::Signal("segment") => optional(choices(Segment::ALL, Segment::id, Segment::meaning)),
        Field::Signal("switching_cost") => optional(choices(
            SwitchingCost::ALL,
            SwitchingCost::id,
            SwitchingCost::meaning,
        )),
        Field::Practice("motion") => optional(choices(Motion::ALL, Motion::id, Motion::meaning)),
        Field::Signal(_) | Field::Practice(_) => YES_NO.to_vec(),
        Field::Name | Field::Acv | Field::TimeToValue => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_a_hint_shows_is_accepted_as_typed() {
        // The prompt's own examples, and the forms the error message shows
        // (with the quotes a profile file needs).
        for typed in [
            "12000",
            "$12k",
            "1.5M",
            "\"12,000\"",
            "\"$12k\"",
            "'1.5M'",
            " 12000 ",
        ] {
            assert!(check_acv(typed).is_ok(), "{typed}");
        }
        let hint = check_acv("lots").unwrap_err();
        for example in ["12000", "\"12,000\"", "\"$12k\"", "\"1.5M\""] {
            assert!(hint.contains(example), "{hint}");
            assert!(check_acv(example).is_ok(), "{example} from the hint");
        }
        for typed in ["20 minutes", "3 days", "2 weeks", "\"20 minutes\"", "5m"] {
            assert!(check_duration(typed).is_ok(), "{typed}");
        }
        let hint = check_duration("soon").unwrap_err();
        for example in [
            "\"5m\"",
            "\"20 minutes\"",
            "\"3 hours\"",
            "\"2 days\"",
            "\"2 weeks\"",
            "\"3 months\"",
        ] {
            assert!(hint.contains(example), "{hint}");
            assert!(check_duration(example).is_ok(), "{example} from the hint");
        }
        assert!(
            check_acv("\"12,000").is_err(),
            "an unpaired quote is not stripped"
        );
    }
}
