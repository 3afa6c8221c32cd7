//! The menu's and user bar's counters, kept per user until something they depend on changes:
//! a ticket (the database's change counter), or the reader's rights, settings, groups, company,
//! services, agencies or personal views.

use crate::domain::rights::Right;
use crate::domain::rights::names as right;
use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

use crate::domain::settings;
use crate::domain::worklist::counters::Summary;
use crate::domain::worklist::reader::Reader;

/// Past this many users, the cache starts over (it refills as people come back).
const MAX_ENTRIES: usize = 10_000;

/// The rights the menu and the user bar depend on.
const RIGHTS: &[Right] = &[
    right::SIDE_YOUR,
    right::SIDE_YOUR_META,
    right::SIDE_YOUR_NOT_READ,
    right::SIDE_YOUR_TECH_GROUP,
    right::SIDE_YOUR_OBSERVER,
    right::SIDE_YOUR_NOT_ATTRIBUTE,
    right::SIDE_GROUP,
    right::DASHBOARD_SERVICE_ONLY,
    right::DASHBOARD_AGENCY_ONLY,
    right::SIDE_ALL_WAIT,
    right::SIDE_ALL,
    right::SIDE_ALL_META,
    right::SIDE_COMPANY,
    right::SIDE_VIEW,
    right::SIDE_ALL_SERVICE_DISP,
    right::SIDE_ALL_AGENCY_DISP,
    right::USERBAR,
];

/// The cache.
#[derive(Default)]
pub struct FrameCache {
    entries: Mutex<HashMap<i64, (u64, Arc<Summary>)>>,
}

/// What a reader's counters depend on, at `generation`.
pub fn fingerprint(r: &Reader, generation: i64) -> u64 {
    let mut h = DefaultHasher::new();
    generation.hash(&mut h);
    r.technician.hash(&mut h);
    for right in RIGHTS {
        r.has(*right).hash(&mut h);
    }
    for key in [
        settings::META_STATE,
        settings::USER_COMPANY_VIEW,
        settings::USER_LIMIT_SERVICE,
        settings::USER_AGENCY,
        settings::TICKET_OBSERVER,
    ] {
        r.settings.raw(key).hash(&mut h);
    }
    for list in [
        &r.tech_groups,
        &r.user_groups,
        &r.services,
        &r.agencies,
        &r.personal,
    ] {
        for n in list.iter() {
            (n.id, &n.name).hash(&mut h);
        }
        0_u8.hash(&mut h);
    }
    r.company.as_ref().map(|c| (c.id, &c.name)).hash(&mut h);
    r.viewer.groups.hash(&mut h);
    h.finish()
}

impl FrameCache {
    /// The counters of `user` if still valid for `fingerprint`.
    pub fn get(&self, user: i64, fingerprint: u64) -> Option<Arc<Summary>> {
        let entries = self.entries.lock().ok()?;
        entries
            .get(&user)
            .filter(|(f, _)| *f == fingerprint)
            .map(|(_, s)| s.clone())
    }

    /// Keeps the counters of `user`.
    pub fn put(&self, user: i64, fingerprint: u64, summary: Arc<Summary>) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            entries.insert(user, (fingerprint, summary));
        }
    }
}
