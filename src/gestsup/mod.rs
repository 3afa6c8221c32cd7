//! Moving in from GestSup: reading what a GestSup site holds, from a backup file ([`dump`])
//! read as a stream, by table and column name, so that GestSup 3.1 and 3.2 read alike.

pub mod dump;
