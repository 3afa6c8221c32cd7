//! The network adapter: the machine's own addresses (the URLs users should open) and the
//! network tools of the assets: probing hosts (ICMP echo through a raw socket, the kernel's
//! unprivileged ICMP sockets, or TCP connection attempts, whichever the process may use),
//! Wake-on-LAN magic packets, the MAC addresses the kernel learnt, and NetBIOS names. It takes
//! plain values (addresses, rates, ports) and never imports the domain.

mod addresses;
pub mod dns;
pub mod icmp;
pub mod nbns;
pub mod neighbours;
pub mod probe;
pub mod tcp;
pub mod wol;

pub use addresses::{lan_urls, urls_for};
