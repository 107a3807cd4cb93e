//! WebCrypto in headless Chromium: what is sealed opens only with the right
//! passphrase, every save gets its own salt and IV, and keys cannot be
//! exported.
#![cfg(target_arch = "wasm32")]

use hr_readiness::browser::crypto::{self, CryptoError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_sealed_record_opens_with_the_right_passphrase_only() {
    let salt = crypto::random_bytes(16).unwrap();
    let key = crypto::vault_key("correct horse battery", &salt, crypto::ITERATIONS)
        .await
        .unwrap();
    assert!(!key.is_extractable(), "the key can never be read out, so never stored");
    let sealed = crypto::seal(&key, "{\"answers\":\"private\"}", "key a").await.unwrap();
    assert_eq!((sealed.salt.len(), sealed.iv.len()), (16, 12));
    assert!(!String::from_utf8_lossy(&sealed.data).contains("private"));
    assert_eq!(
        crypto::open(&key, &sealed, "key a").await.unwrap(),
        "{\"answers\":\"private\"}"
    );
    // Other associated data (a record moved to another key), or none: refused.
    assert_eq!(
        crypto::open(&key, &sealed, "key b").await,
        Err(CryptoError::WrongPassphrase)
    );
    assert_eq!(crypto::open(&key, &sealed, "").await, Err(CryptoError::WrongPassphrase));

    let wrong = crypto::vault_key("wrong horse battery", &salt, crypto::ITERATIONS)
        .await
        .unwrap();
    assert_eq!(
        crypto::open(&wrong, &sealed, "key a").await,
        Err(CryptoError::WrongPassphrase)
    );

    // A changed byte is refused, not silently decrypted.
    let mut tampered = sealed.clone();
    tampered.data[0] ^= 1;
    assert_eq!(
        crypto::open(&key, &tampered, "key a").await,
        Err(CryptoError::WrongPassphrase)
    );
}

#[wasm_bindgen_test]
async fn every_save_gets_a_fresh_salt_and_iv() {
    let salt = crypto::random_bytes(16).unwrap();
    let key = crypto::vault_key("a passphrase", &salt, crypto::ITERATIONS)
        .await
        .unwrap();
    let a = crypto::seal(&key, "same text", "").await.unwrap();
    let b = crypto::seal(&key, "same text", "").await.unwrap();
    assert_ne!(a.salt, b.salt);
    assert_ne!(a.iv, b.iv);
    assert_ne!(a.data, b.data);
}

#[wasm_bindgen_test]
async fn an_encrypted_file_opens_with_its_passphrase_only() {
    let sealed = crypto::encrypt_file("file passphrase", "plain file").await.unwrap();
    assert_eq!(
        crypto::decrypt_file("file passphrase", crypto::ITERATIONS, &sealed)
            .await
            .unwrap(),
        "plain file"
    );
    assert_eq!(
        crypto::decrypt_file("other passphrase", crypto::ITERATIONS, &sealed).await,
        Err(CryptoError::WrongPassphrase)
    );
    // The iteration count is part of the key: the wrong count fails too.
    assert_eq!(
        crypto::decrypt_file("file passphrase", crypto::ITERATIONS + 1, &sealed).await,
        Err(CryptoError::WrongPassphrase)
    );
}
