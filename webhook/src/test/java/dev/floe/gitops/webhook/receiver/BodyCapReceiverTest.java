package dev.floe.gitops.webhook.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 413 comes first, and arrives while an oversized chunked body is still being sent. */
class BodyCapReceiverTest {

  private static final long CAP = 64 * 1024;
  private static ReceiverHarness harness;

  @BeforeAll
  static void start() {
    harness = new ReceiverHarness(ReceiverHarness.config(ReceiverHarness.CONFIG),
        r -> { throw new AssertionError("nothing may be published"); }, CAP);
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void aChunkedBodyOverTheCapIsAnswered413BeforeItIsFullyRead() {
    long total = 256L << 20; // far more than the cap; the client would need seconds to send it all
    HttpClient http = harness.vertx.createHttpClient();
    HttpClientRequest request = ReceiverHarness.await(http.request(new RequestOptions()
        .setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(harness.port())
        .setURI("/hooks/github").putHeader("Content-Type", "application/json")
        .putHeader("X-GitHub-Event", "push")));
    request.setChunked(true);
    AtomicLong written = new AtomicLong();
    long[] answeredAfter = {-1};
    var response = request.response().onSuccess(r -> answeredAfter[0] = written.get());
    Buffer chunk = Buffer.buffer(filled(16 * 1024));
    harness.vertx.setPeriodic(1, id -> {
      if (response.isComplete() || written.get() >= total) {
        harness.vertx.cancelTimer(id);
        return;
      }
      if (!request.writeQueueFull()) {
        request.write(chunk);
        written.addAndGet(chunk.length());
      }
    });
    HttpClientResponse answer = ReceiverHarness.await(response);

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answeredAfter[0]).isLessThan(total);
    http.close();
  }

  @Test
  void aDeclaredLengthOverTheCapIs413WithTheErrorBody() {
    ReceiverHarness.Answer answer = harness.post("gitlab").send(filled((int) CAP + 1));
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.errorCode()).isEqualTo("payload_too_large");
  }

  @Test
  void theCapComesBeforeTheContentType() {
    ReceiverHarness.Answer answer = harness.post("gitea").header("Content-Type", "text/plain")
        .send(filled((int) CAP + 1));
    assertThat(answer.status()).isEqualTo(413);
  }

  private static byte[] filled(int size) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) ' ');
    return bytes;
  }
}
