fn main() {
    let doc = loupe::annotate("placeholder");
    println!("{}", doc.tokens.len());
}
