//! Which column (CSV header) or field path (JSON) holds each part of an
//! event: the plain names, the vendors' documented export fields
//! (`--preset`), and `--map role=path` for anything else.

use std::fmt;

/// The parts of an event `gtm pql` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// When it happened.
    Timestamp,
    /// The account (company, workspace) it belongs to.
    Account,
    /// The user who did it.
    User,
    /// The event name.
    Event,
    /// The user's email; its domain is the account's (optional).
    Email,
    /// `free` or `paid` (optional).
    Plan,
}

impl Role {
    /// Every role, required ones first.
    pub const ALL: [Role; 6] = [
        Role::Timestamp,
        Role::Account,
        Role::User,
        Role::Event,
        Role::Email,
        Role::Plan,
    ];

    /// The name `--map` uses.
    pub fn name(self) -> &'static str {
        match self {
            Role::Timestamp => "timestamp",
            Role::Account => "account",
            Role::User => "user",
            Role::Event => "event",
            Role::Email => "email",
            Role::Plan => "plan",
        }
    }

    /// Whether a row without it is unusable.
    pub fn required(self) -> bool {
        !matches!(self, Role::Email | Role::Plan)
    }
}

/// An export format whose field names `gtm pql` knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Preset {
    /// Segment track calls: `timestamp`, `context.groupId`, `userId`, `event`, `context.traits.email`.
    Segment,
    /// PostHog events: `timestamp`, `properties.$groups.company`, `distinct_id`, `event`, `person_properties.email`.
    Posthog,
    /// Amplitude Export API: `event_time`, `groups.company`, `user_id`, `event_type`, `user_properties.email`.
    Amplitude,
    /// Mixpanel raw export: `properties.time`, `properties.company_id`, `properties.distinct_id`, `event`, `properties.$email`.
    Mixpanel,
}

impl Preset {
    /// The preset's id as written on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Preset::Segment => "segment",
            Preset::Posthog => "posthog",
            Preset::Amplitude => "amplitude",
            Preset::Mixpanel => "mixpanel",
        }
    }

    fn paths(self) -> [&'static str; 5] {
        match self {
            Preset::Segment => [
                "timestamp",
                "context.groupId",
                "userId",
                "event",
                "context.traits.email",
            ],
            Preset::Posthog => [
                "timestamp",
                "properties.$groups.company",
                "distinct_id",
                "event",
                "person_properties.email",
            ],
            Preset::Amplitude => [
                "event_time",
                "groups.company",
                "user_id",
                "event_type",
                "user_properties.email",
            ],
            Preset::Mixpanel => [
                "properties.time",
                "properties.company_id",
                "properties.distinct_id",
                "event",
                "properties.$email",
            ],
        }
    }
}

/// Where each role is found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    paths: [String; 6],
    /// Which roles `--map` named: an optional one named but not found is an
    /// error, not a silently empty column.
    explicit: [bool; 6],
}

/// A `--map` entry that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapError(pub String);

impl fmt::Display for MapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for MapError {}

impl Default for Columns {
    fn default() -> Columns {
        Columns {
            paths: Role::ALL.map(|r| r.name().to_string()),
            explicit: [false; 6],
        }
    }
}

impl Columns {
    /// The columns of `preset` (or the plain names), then each `--map
    /// role=path` over them.
    pub fn new(preset: Option<Preset>, map: &[String]) -> Result<Columns, MapError> {
        let mut columns = Columns::default();
        if let Some(p) = preset {
            for (slot, path) in columns.paths.iter_mut().zip(p.paths()) {
                *slot = path.to_string();
            }
        }
        for entry in map.iter().flat_map(|m| m.split(',')) {
            let names = Role::ALL.map(Role::name).join(", ");
            let Some((role, path)) = entry.split_once('=') else {
                return Err(MapError(format!(
                    "`--map {}` needs ROLE=FIELD, e.g. `--map account=context.groupId`; roles: {names}",
                    crate::diagnostic::echo(entry)
                )));
            };
            let role = Role::ALL
                .into_iter()
                .find(|r| r.name() == role.trim())
                .ok_or_else(|| {
                    MapError(format!(
                        "`{}` in `--map` is not a role; roles: {names}",
                        crate::diagnostic::echo(role)
                    ))
                })?;
            let path = path.trim();
            if path.is_empty() || path.len() > 200 || path.chars().any(char::is_control) {
                return Err(MapError(format!(
                    "the field for `{}` in `--map` is empty, longer than 200 characters or holds control characters",
                    role.name()
                )));
            }
            columns.paths[role as usize] = path.to_string();
            columns.explicit[role as usize] = true;
        }
        Ok(columns)
    }

    /// Whether `--map` named `role`.
    pub fn explicit(&self, role: Role) -> bool {
        self.explicit[role as usize]
    }

    /// The column or field path of `role`.
    pub fn path(&self, role: Role) -> &str {
        &self.paths[role as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_overrides_the_preset_one_role_at_a_time() {
        let c = Columns::new(
            Some(Preset::Segment),
            &["plan=properties.plan,user=anonymousId".into()],
        )
        .unwrap();
        assert_eq!(c.path(Role::Account), "context.groupId");
        assert_eq!(c.path(Role::User), "anonymousId");
        assert_eq!(c.path(Role::Plan), "properties.plan");
        assert_eq!(
            Columns::new(None, &[]).unwrap().path(Role::Timestamp),
            "timestamp"
        );
    }

    #[test]
    fn a_bad_map_says_what_a_map_looks_like() {
        let e = Columns::new(None, &["acount=x".into()]).unwrap_err();
        assert!(e.0.contains("not a role; roles: timestamp, account"), "{e}");
        let e = Columns::new(None, &["account".into()]).unwrap_err();
        assert!(e.0.contains("needs ROLE=FIELD"), "{e}");
        assert!(Columns::new(None, &["account=".into()]).is_err());
    }
}
