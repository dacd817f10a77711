package org.openpayer.bulkexport.file.download;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Hands a {@link DownloadRelay} the Vert.x response to write into, in place of an output stream: the request stays
 * suspended while the relay runs on the event loop and resumes when it has ended. The headers the resource chose are
 * written by RESTEasy as the first bytes go out, as for any other body.
 */
@Provider
public class DownloadRelayWriter implements ServerMessageBodyWriter<DownloadRelay> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target,
                               MediaType mediaType) {
        return DownloadRelay.class.isAssignableFrom(type);
    }

    @Override
    public void writeResponse(DownloadRelay relay, Type genericType, ServerRequestContext context) {
        ResteasyReactiveRequestContext request = (ResteasyReactiveRequestContext) context;
        HttpServerResponse response = request.serverRequest().unwrap(HttpServerResponse.class);
        request.suspend();
        Context eventLoop = Vertx.currentContext();
        if (eventLoop == null || Context.isOnEventLoopThread()) {
            relay.start(response, request::resume);
        } else {
            eventLoop.runOnContext(ignored -> relay.start(response, request::resume));
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return DownloadRelay.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(DownloadRelay relay, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream entityStream) {
        throw new UnsupportedOperationException("a download is relayed on the event loop, never to a stream");
    }
}
