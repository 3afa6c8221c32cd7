//! Assets: inventorying them with their interfaces, finding them, the rules on addresses, two
//! people saving the same asset, history, rights and export.

/// Assets: the inventory, its search, rules, history and rights.
pub mod stories;

/// Assets: importing a CSV file from the page, the shell and the watched folder.
pub mod import;

/// Assets: ping, flags and Wake-on-LAN against real hosts in network namespaces.
pub mod network;

/// Assets: network discovery against real hosts in network namespaces.
pub mod discovery;
