package org.openpayer.bulkexport.file;

import org.openpayer.bulkexport.stack.testing.RealServersResource;
import org.openpayer.bulkexport.stack.testing.TokenMint;

import java.util.HashMap;
import java.util.Map;

/**
 * file-service's tests: real S3 (the export files) and PostgreSQL (the download audit), and a {@link TokenMint}
 * standing in for auth-service. Storage connections are few, so tests that download many files at once also check
 * that downloads wait for a connection and give it back.
 */
public class FileServiceTestResource extends RealServersResource {

    public static final TokenMint TOKENS = TokenMint.start("https://payer.example.test");
    public static final int STORAGE_CONNECTIONS = 3;

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new HashMap<>(TOKENS.serviceConfig());
        args.put(SERVERS, "postgres,s3");
        args.put("storage.s3.max-connections", String.valueOf(STORAGE_CONNECTIONS));
        super.init(args);
    }
}
