package org.hpcstatus.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.IntFunction;

import io.restassured.RestAssured;

/**
 * One HTTP/1.1 request from a chosen loopback source address (127.0.0.2 acts as a second client machine), which
 * neither RestAssured nor the JDK client can bind.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** The status code of a POST of {@code json} with Basic credentials, sent from {@code sourceAddress}. */
    public static int post(String sourceAddress, String path, String username, String password, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String auth = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                statusLine.append((char) c);
            }
            return Integer.parseInt(statusLine.toString().split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The median time of three refused logins (each must be a 401), in milliseconds: what a guesser could measure. */
    public static long medianRefusalMillis(IntFunction<Integer> request) {
        long[] times = new long[3];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            int status = request.apply(i);
            if (status != 401) {
                throw new AssertionError("expected a 401, got " + status);
            }
            times[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(times);
        return times[1];
    }
}
