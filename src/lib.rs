//! `due`: a tracker of reporting obligations. The binary is a thin shell over this library,
//! which the fuzz targets also drive.

pub mod atomic;
pub mod cli;
pub mod commands;
pub mod dates;
pub mod diag;
pub mod diff;
pub mod dirs;
pub mod engine;
pub mod exit;
pub mod files;
pub mod filter;
pub mod handout;
pub mod holiday;
pub mod i18n;
pub mod ledger;
pub mod model;
pub mod record;
pub mod registry;
pub mod render;
pub mod sections;
pub mod send;
pub mod show;
pub mod team;
pub mod timeline;
pub mod usage;
pub mod views;
