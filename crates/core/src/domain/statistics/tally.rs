//! The counting behind the statistics, free of SQL: from the tickets that pass the filter, the
//! thread's state changes and replies, and the survey ratings, every figure of the page.
//!
//! Definitions (the page says them in words):
//! - opened: created within the period; closed: resolved or rejected within it (its
//!   resolution date); advanced: tickets whose state changed or that got a reply, counted once
//!   per ticket and interval;
//! - shares, priorities, criticalities, workload and the top requesters count the tickets
//!   opened within the period; "open now" counts every ticket not closed today;
//! - resolution time: from opening to resolution, for tickets resolved within the period;
//! - first response: from opening to the first reply by someone else than the requester, for
//!   tickets opened within the period that got one;
//! - time per state: for tickets opened within the period, the time spent in each open state
//!   up to now (a closed ticket stops counting; reopened, it counts again).

use std::collections::{HashMap, HashSet};

/// How long each interval of the charts over time is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    Day,
    Week,
    Month,
}

impl Granularity {
    /// The interval that suits a period of `days` days: days up to two months, weeks up to a
    /// year, months beyond.
    pub fn for_days(days: i64) -> Granularity {
        if days <= 62 {
            Granularity::Day
        } else if days <= 366 {
            Granularity::Week
        } else {
            Granularity::Month
        }
    }
}

/// A ticket as the statistics read it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TicketRow {
    pub id: i64,
    pub created_at: i64,
    pub resolved_at: Option<i64>,
    pub state: i64,
    /// Whether its state is a closed one (resolved, rejected).
    pub closed: bool,
    pub technician: Option<i64>,
    pub category: Option<i64>,
    pub service: Option<i64>,
    /// Its requester's company.
    pub company: Option<i64>,
    pub priority: Option<i64>,
    pub criticality: Option<i64>,
    pub requester: Option<i64>,
    pub time_spent_minutes: i64,
}

/// A state change of a ticket's thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateChange {
    pub ticket: i64,
    pub at: i64,
    pub from: Option<i64>,
    pub to: i64,
}

/// A reply of a ticket's thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reply {
    pub ticket: i64,
    pub at: i64,
    pub author: Option<i64>,
    /// Seen by the requester (a private note is no response).
    pub public: bool,
}

/// What is counted: the tickets passing the filter (whatever their dates), the state changes
/// and replies from the period's start on (oldest first), the survey ratings (as a share of
/// their scale, 0..100) given within the period.
#[derive(Debug, Clone, Default)]
pub struct Input {
    pub from: i64,
    pub to: i64,
    pub now: i64,
    /// The start of each interval, in order; the first is `from`.
    pub starts: Vec<i64>,
    pub tickets: Vec<TicketRow>,
    pub changes: Vec<StateChange>,
    pub replies: Vec<Reply>,
    pub ratings: Vec<(i64, f64)>,
    /// Which states are closed.
    pub closed_states: Vec<i64>,
}

/// One interval of the charts over time.
#[derive(Debug, Clone, PartialEq)]
pub struct Bucket {
    pub start: i64,
    pub opened: i64,
    pub closed: i64,
    pub advanced: i64,
    /// Replies written.
    pub entries: i64,
    /// The mean survey rating (0..100), when some survey was answered.
    pub satisfaction: Option<f64>,
}

/// One slice of a share, a bar of a count: what it is (`None`: none set) and its figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    pub id: Option<i64>,
    pub label: String,
    pub value: f64,
}

/// Durations of one group: how many, their mean and median (seconds).
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    pub id: Option<i64>,
    pub label: String,
    pub count: i64,
    pub mean: i64,
    pub median: i64,
}

/// Every figure of the tickets' statistics.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TicketStats {
    pub granularity: Option<Granularity>,
    pub buckets: Vec<Bucket>,
    pub opened: i64,
    pub closed: i64,
    pub open_now: i64,
    pub by_technician: Vec<Share>,
    pub by_state: Vec<Share>,
    pub by_category: Vec<Share>,
    pub by_service: Vec<Share>,
    pub by_company: Vec<Share>,
    /// Minutes spent per category.
    pub workload_by_category: Vec<Share>,
    pub open_by_technician: Vec<Share>,
    pub resolution_by_technician: Vec<Resolution>,
    pub resolution_by_category: Vec<Resolution>,
    pub by_priority: Vec<Share>,
    pub by_criticality: Vec<Share>,
    pub top_requesters: Vec<Share>,
    /// Minutes spent per requester.
    pub top_time: Vec<Share>,
    /// Seconds spent in each open state.
    pub time_by_state: Vec<Share>,
    pub total_time_in_states: i64,
    pub first_response: Option<Resolution>,
    pub first_response_by_technician: Vec<Resolution>,
}

fn count_by(items: impl Iterator<Item = (Option<i64>, f64)>) -> Vec<Share> {
    let mut map: HashMap<Option<i64>, f64> = HashMap::new();
    for (k, v) in items {
        *map.entry(k).or_default() += v;
    }
    let mut out: Vec<Share> = map
        .into_iter()
        .map(|(id, value)| Share {
            id,
            label: String::new(),
            value,
        })
        .collect();
    out.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.id.cmp(&b.id)));
    out
}

fn durations(id: Option<i64>, mut values: Vec<i64>) -> Resolution {
    values.sort_unstable();
    let n = values.len();
    let mean = if n == 0 {
        0
    } else {
        values.iter().sum::<i64>() / i64::try_from(n).unwrap_or(1)
    };
    let median = match n {
        0 => 0,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2,
    };
    Resolution {
        id,
        label: String::new(),
        count: i64::try_from(n).unwrap_or(i64::MAX),
        mean,
        median,
    }
}

fn grouped(items: impl Iterator<Item = (Option<i64>, i64)>) -> Vec<Resolution> {
    let mut map: HashMap<Option<i64>, Vec<i64>> = HashMap::new();
    for (k, v) in items {
        map.entry(k).or_default().push(v);
    }
    let mut out: Vec<Resolution> = map.into_iter().map(|(k, v)| durations(k, v)).collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.id.cmp(&b.id)));
    out
}

/// Counts every figure of `input`.
pub fn tally(input: &Input) -> TicketStats {
    let (from, to) = (input.from, input.to);
    let within = |t: i64| t >= from && t < to;
    let bucket_of = |t: i64| input.starts.partition_point(|s| *s <= t).saturating_sub(1);
    let mut buckets: Vec<Bucket> = input
        .starts
        .iter()
        .map(|s| Bucket {
            start: *s,
            opened: 0,
            closed: 0,
            advanced: 0,
            entries: 0,
            satisfaction: None,
        })
        .collect();
    let by_id: HashMap<i64, &TicketRow> = input.tickets.iter().map(|t| (t.id, t)).collect();
    let opened: Vec<&TicketRow> = input
        .tickets
        .iter()
        .filter(|t| within(t.created_at))
        .collect();
    let mut closed = 0;
    for t in &input.tickets {
        if within(t.created_at)
            && let Some(b) = buckets.get_mut(bucket_of(t.created_at))
        {
            b.opened += 1;
        }
        if let Some(r) = t.resolved_at.filter(|r| within(*r)) {
            closed += 1;
            if let Some(b) = buckets.get_mut(bucket_of(r)) {
                b.closed += 1;
            }
        }
    }
    let mut advanced: HashSet<(i64, usize)> = HashSet::new();
    for c in &input.changes {
        if within(c.at) && by_id.contains_key(&c.ticket) {
            advanced.insert((c.ticket, bucket_of(c.at)));
        }
    }
    for r in &input.replies {
        if within(r.at) && by_id.contains_key(&r.ticket) {
            advanced.insert((r.ticket, bucket_of(r.at)));
            if let Some(b) = buckets.get_mut(bucket_of(r.at)) {
                b.entries += 1;
            }
        }
    }
    for (_, b) in &advanced {
        if let Some(bucket) = buckets.get_mut(*b) {
            bucket.advanced += 1;
        }
    }
    let mut ratings: HashMap<usize, (f64, f64)> = HashMap::new();
    for (at, pct) in &input.ratings {
        if within(*at) {
            let e = ratings.entry(bucket_of(*at)).or_default();
            e.0 += pct;
            e.1 += 1.0;
        }
    }
    for (i, (sum, n)) in ratings {
        if let Some(b) = buckets.get_mut(i) {
            b.satisfaction = Some(sum / n);
        }
    }

    // Time per state and first responses, for the tickets opened within the period.
    let opened_ids: HashSet<i64> = opened.iter().map(|t| t.id).collect();
    let mut timelines: HashMap<i64, Vec<&StateChange>> = HashMap::new();
    for c in &input.changes {
        if opened_ids.contains(&c.ticket) {
            timelines.entry(c.ticket).or_default().push(c);
        }
    }
    let closed_state = |s: i64| input.closed_states.contains(&s);
    let mut in_states: HashMap<Option<i64>, f64> = HashMap::new();
    for t in &opened {
        let changes = timelines.get(&t.id).map_or(&[][..], Vec::as_slice);
        let mut state = changes.first().and_then(|c| c.from).unwrap_or(t.state);
        let mut since = t.created_at;
        for c in changes {
            if !closed_state(state) && c.at > since {
                *in_states.entry(Some(state)).or_default() += (c.at - since) as f64;
            }
            state = c.to;
            since = c.at.max(since);
        }
        if !closed_state(state) && input.now > since {
            *in_states.entry(Some(state)).or_default() += (input.now - since) as f64;
        }
    }
    let time_by_state = count_by(in_states.into_iter());
    let total_time_in_states = time_by_state.iter().map(|s| s.value as i64).sum();

    let mut first: HashMap<i64, i64> = HashMap::new();
    for r in &input.replies {
        if let Some(t) = by_id.get(&r.ticket)
            && opened_ids.contains(&r.ticket)
            && r.public
            && r.author.is_some()
            && r.author != t.requester
            && r.at >= t.created_at
        {
            first.entry(r.ticket).or_insert(r.at - t.created_at);
        }
    }
    let first_response =
        (!first.is_empty()).then(|| durations(None, first.values().copied().collect()));
    let first_response_by_technician = grouped(
        first
            .iter()
            .map(|(id, d)| (by_id.get(id).and_then(|t| t.technician), *d)),
    );

    let resolved: Vec<(&TicketRow, i64)> = input
        .tickets
        .iter()
        .filter_map(|t| {
            t.resolved_at
                .filter(|r| within(*r))
                .map(|r| (t, (r - t.created_at).max(0)))
        })
        .collect();
    let mut top_requesters = count_by(
        opened
            .iter()
            .filter(|t| t.requester.is_some())
            .map(|t| (t.requester, 1.0)),
    );
    top_requesters.truncate(10);
    let mut top_time = count_by(
        opened
            .iter()
            .filter(|t| t.requester.is_some() && t.time_spent_minutes > 0)
            .map(|t| (t.requester, t.time_spent_minutes as f64)),
    );
    top_time.truncate(10);
    TicketStats {
        granularity: None,
        buckets,
        opened: i64::try_from(opened.len()).unwrap_or(i64::MAX),
        closed,
        open_now: input.tickets.iter().filter(|t| !t.closed).count() as i64,
        by_technician: count_by(opened.iter().map(|t| (t.technician, 1.0))),
        by_state: count_by(opened.iter().map(|t| (Some(t.state), 1.0))),
        by_category: count_by(opened.iter().map(|t| (t.category, 1.0))),
        by_service: count_by(opened.iter().map(|t| (t.service, 1.0))),
        by_company: count_by(opened.iter().map(|t| (t.company, 1.0))),
        workload_by_category: count_by(
            opened
                .iter()
                .map(|t| (t.category, t.time_spent_minutes as f64)),
        ),
        open_by_technician: count_by(
            input
                .tickets
                .iter()
                .filter(|t| !t.closed)
                .map(|t| (t.technician, 1.0)),
        ),
        resolution_by_technician: grouped(resolved.iter().map(|(t, d)| (t.technician, *d))),
        resolution_by_category: grouped(resolved.iter().map(|(t, d)| (t.category, *d))),
        by_priority: count_by(opened.iter().map(|t| (t.priority, 1.0))),
        by_criticality: count_by(opened.iter().map(|t| (t.criticality, 1.0))),
        top_requesters,
        top_time,
        time_by_state,
        total_time_in_states,
        first_response,
        first_response_by_technician,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticket(id: i64, created_at: i64, resolved_at: Option<i64>, state: i64) -> TicketRow {
        TicketRow {
            id,
            created_at,
            resolved_at,
            state,
            closed: state == 3,
            technician: Some(7),
            requester: Some(100 + id),
            ..TicketRow::default()
        }
    }

    #[test]
    fn medians_and_means_of_durations() {
        let r = durations(None, vec![30, 10, 20, 100]);
        assert_eq!((r.count, r.mean, r.median), (4, 40, 25));
        let r = durations(None, vec![5]);
        assert_eq!((r.mean, r.median), (5, 5));
    }

    #[test]
    fn time_in_states_follows_the_thread_and_stops_at_closure() {
        // Opened at 0 waiting (1), in progress (2) at 100, resolved (3) at 250, reopened (2)
        // at 400; now is 500.
        let input = Input {
            from: 0,
            to: 1_000,
            now: 500,
            starts: vec![0],
            tickets: vec![ticket(1, 0, None, 2)],
            changes: vec![
                StateChange {
                    ticket: 1,
                    at: 100,
                    from: Some(1),
                    to: 2,
                },
                StateChange {
                    ticket: 1,
                    at: 250,
                    from: Some(2),
                    to: 3,
                },
                StateChange {
                    ticket: 1,
                    at: 400,
                    from: Some(3),
                    to: 2,
                },
            ],
            closed_states: vec![3, 4],
            ..Input::default()
        };
        let s = tally(&input);
        let of = |state: i64| {
            s.time_by_state
                .iter()
                .find(|x| x.id == Some(state))
                .map_or(0.0, |x| x.value)
        };
        assert_eq!(of(1), 100.0);
        assert_eq!(of(2), 150.0 + 100.0);
        assert_eq!(of(3), 0.0);
        assert_eq!(s.total_time_in_states, 350);
    }

    #[test]
    fn intervals_count_each_ticket_once_and_edges_belong_to_the_period() {
        let input = Input {
            from: 100,
            to: 300,
            now: 1_000,
            starts: vec![100, 200],
            tickets: vec![
                ticket(1, 50, Some(150), 3),  // opened before, closed within
                ticket(2, 100, None, 1),      // opened on the first second
                ticket(3, 299, Some(300), 3), // closed on the end: outside
            ],
            replies: vec![
                Reply {
                    ticket: 2,
                    at: 120,
                    author: Some(7),
                    public: true,
                },
                Reply {
                    ticket: 2,
                    at: 130,
                    author: Some(7),
                    public: true,
                },
                Reply {
                    ticket: 1,
                    at: 210,
                    author: Some(101),
                    public: true,
                },
            ],
            closed_states: vec![3, 4],
            ..Input::default()
        };
        let s = tally(&input);
        assert_eq!(s.opened, 2);
        assert_eq!(s.closed, 1);
        assert_eq!(
            s.buckets
                .iter()
                .map(|b| (b.opened, b.closed, b.advanced, b.entries))
                .collect::<Vec<_>>(),
            [(1, 1, 1, 2), (1, 0, 1, 1)]
        );
        // Ticket 2's first response came from its technician after 20 seconds; ticket 1 was
        // not opened within the period.
        let f = s.first_response.expect("one");
        assert_eq!((f.count, f.mean), (1, 20));
        assert_eq!(s.open_now, 1);
    }
}
