package org.openpayer.bulkexport.file;

import org.openpayer.bulkexport.stack.testing.RealServersResource;
import org.openpayer.bulkexport.stack.testing.TokenMint;

import java.util.HashMap;
import java.util.Map;

/**
 * file-service's tests: real S3 (the export files) and PostgreSQL (the download audit), and a {@link TokenMint}
 * standing in for auth-service.
 */
public class FileServiceTestResource extends RealServersResource {

    public static final TokenMint TOKENS = TokenMint.start("https://payer.example.test");

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new HashMap<>(TOKENS.serviceConfig());
        args.put(SERVERS, "postgres,s3");
        super.init(args);
    }
}
