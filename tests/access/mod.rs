//! Who may do what: attacks on every route, the rights walk, lock-out hazards, sessions.

/// Attacks on every route from the router's table: CSRF, injections, XSS, headers.
pub mod attacks;
/// The last administrator kept, dangerous rights confirmed and logged, a reverse proxy not
/// taken for the console.
pub mod lockout;
/// Rights enforced on every route for every profile, and the rights matrix.
pub mod rights;
/// First run, logging in and out, throttling, CSRF, idle expiry, forced password change.
pub mod sessions;
/// Two-factor login: set up from the profile, codes checked against an independent TOTP
/// implementation (clock drift, replays, recovery codes, throttling), compulsory per profile,
/// reset by an administrator; API tokens unaffected.
pub mod two_factor;
