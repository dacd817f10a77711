package org.openpayer.bulkexport.bench.export;

import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.MinioClient;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openpayer.bulkexport.model.storage.ExportFileNames;
import org.openpayer.bulkexport.stack.infra.InfraEndpoints;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Downloads an export's files three ways, one after the other: through the public URL (gateway and file-service, with
 * the access token, as a client does), from file-service directly, and straight from the S3 server; bytes are counted
 * and dropped. The three ways use the same HTTP client, since on a machine whose cores the client shares with the
 * servers a client that costs more CPU per byte slows whichever way it is used for: OkHttp, which minio-java uses (the
 * S3 way is a minio-java GET), and java.net.http (the S3 way is a GET of a presigned URL, signed before the clock
 * starts).
 */
final class Downloads {

    /** The HTTP client a round of downloads uses for all three ways. */
    enum Client {
        OKHTTP("OkHttp"),
        JDK("java.net.http");

        private final String label;

        Client(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** One round: the same files each way, with one client. */
    record Ways(Client client, RawLimit.Transfer gateway, RawLimit.Transfer fileService, RawLimit.Transfer s3) {
    }

    private static final int PRESIGNED_SECONDS = 3600;

    private final OkHttpClient okHttp = new OkHttpClient();
    private final HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final MinioClient s3;
    private final String bucket;

    Downloads(InfraEndpoints infra, String bucket) {
        this.s3 = MinioClient.builder().endpoint(infra.s3Endpoint()).httpClient(okHttp)
                .credentials(infra.s3AccessKey(), infra.s3SecretKey()).region("us-east-1").build();
        this.bucket = bucket;
    }

    /**
     * @param publicBaseUrl  the base of the manifest's URLs (the gateway)
     * @param fileServiceUrl file-service's own address, to tell the gateway's share from file-service's
     */
    Ways measure(Client client, List<String> fileUrls, String publicBaseUrl, String fileServiceUrl,
                 String accessToken) throws Exception {
        RawLimit.Transfer gateway = timed(fileUrls.size(), () -> throughSuite(client, fileUrls, accessToken));
        List<String> direct = fileUrls.stream()
                .map(url -> fileServiceUrl + url.substring(publicBaseUrl.length())).toList();
        RawLimit.Transfer fileService = timed(fileUrls.size(), () -> throughSuite(client, direct, accessToken));
        RawLimit.Transfer straight = client == Client.OKHTTP
                ? timed(fileUrls.size(), () -> withMinio(fileUrls))
                : presignedWithJdk(fileUrls);
        return new Ways(client, gateway, fileService, straight);
    }

    private long throughSuite(Client client, List<String> urls, String accessToken) throws Exception {
        long bytes = 0;
        for (String url : urls) {
            bytes += get(client, url, "Bearer " + accessToken);
        }
        return bytes;
    }

    private long withMinio(List<String> fileUrls) throws Exception {
        long bytes = 0;
        for (String url : fileUrls) {
            try (InputStream body = s3.getObject(GetObjectArgs.builder().bucket(bucket).object(objectKey(url))
                    .build())) {
                bytes += body.transferTo(OutputStream.nullOutputStream());
            }
        }
        return bytes;
    }

    private RawLimit.Transfer presignedWithJdk(List<String> fileUrls) throws Exception {
        List<String> presigned = new ArrayList<>();
        for (String url : fileUrls) {
            presigned.add(s3.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Http.Method.GET)
                    .bucket(bucket).object(objectKey(url)).expiry(PRESIGNED_SECONDS).build()));
        }
        return timed(fileUrls.size(), () -> {
            long bytes = 0;
            for (String url : presigned) {
                bytes += get(Client.JDK, url, null);
            }
            return bytes;
        });
    }

    /** GETs {@code url} and reads its body to the end; fails unless it answers 200. */
    private long get(Client client, String url, String authorization) throws Exception {
        if (client == Client.OKHTTP) {
            Request.Builder request = new Request.Builder().url(url).header("Accept", "application/fhir+ndjson");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            try (Response response = okHttp.newCall(request.build()).execute()) {
                requireOk(url, response.code());
                return response.body().byteStream().transferTo(OutputStream.nullOutputStream());
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/fhir+ndjson").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<InputStream> response = jdk.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            requireOk(url, response.statusCode());
            return body.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static void requireOk(String url, int status) throws IOException {
        if (status != 200) {
            throw new IOException(url.replaceAll("\\?.*", "") + " answered " + status);
        }
    }

    private static String objectKey(String fileUrl) {
        String[] path = fileUrl.substring(fileUrl.indexOf("/files/") + "/files/".length()).split("/");
        return ExportFileNames.objectKey(UUID.fromString(path[0]), path[1]);
    }

    @FunctionalInterface
    private interface Download {
        long bytes() throws Exception;
    }

    private static RawLimit.Transfer timed(int files, Download download) throws Exception {
        long started = System.nanoTime();
        long bytes = download.bytes();
        return new RawLimit.Transfer(files, bytes, (System.nanoTime() - started) / 1e9);
    }
}
