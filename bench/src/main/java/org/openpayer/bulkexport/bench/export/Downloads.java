package org.openpayer.bulkexport.bench.export;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import org.openpayer.bulkexport.model.storage.ExportFileNames;
import org.openpayer.bulkexport.stack.infra.InfraEndpoints;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

/**
 * Downloads an export's files, one way after the other: through the public URL (gateway and file-service, with the
 * access token, as a client does), from file-service directly, and straight from the S3 server. Bytes are counted and
 * dropped.
 */
final class Downloads {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final MinioClient s3;
    private final String bucket;

    Downloads(InfraEndpoints infra, String bucket) {
        this.s3 = MinioClient.builder().endpoint(infra.s3Endpoint())
                .credentials(infra.s3AccessKey(), infra.s3SecretKey()).region("us-east-1").build();
        this.bucket = bucket;
    }

    /**
     * @param baseUrl the URL to send to in place of the manifest's public base (the gateway), e.g. file-service's own
     *                address to tell the gateway's share from file-service's
     */
    RawLimit.Transfer throughSuite(List<String> fileUrls, String publicBaseUrl, String baseUrl, String accessToken)
            throws Exception {
        long started = System.nanoTime();
        long bytes = 0;
        for (String publicUrl : fileUrls) {
            String url = baseUrl + publicUrl.substring(publicBaseUrl.length());
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + accessToken)
                            .header("Accept", "application/fhir+ndjson").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            try (InputStream body = response.body()) {
                bytes += body.transferTo(OutputStream.nullOutputStream());
            }
        }
        return new RawLimit.Transfer(fileUrls.size(), bytes, (System.nanoTime() - started) / 1e9);
    }

    RawLimit.Transfer straightFromS3(List<String> fileUrls) throws Exception {
        long started = System.nanoTime();
        long bytes = 0;
        for (String url : fileUrls) {
            String[] path = url.substring(url.indexOf("/files/") + "/files/".length()).split("/");
            try (InputStream body = s3.getObject(GetObjectArgs.builder().bucket(bucket)
                    .object(ExportFileNames.objectKey(UUID.fromString(path[0]), path[1])).build())) {
                bytes += body.transferTo(OutputStream.nullOutputStream());
            }
        }
        return new RawLimit.Transfer(fileUrls.size(), bytes, (System.nanoTime() - started) / 1e9);
    }
}
