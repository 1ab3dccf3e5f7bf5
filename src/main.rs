#![allow(dead_code)]
mod dates;
mod ledger;
mod model;

fn main() {
    println!("Hello, world!");
}
