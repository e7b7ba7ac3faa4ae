package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.runtime.secrets.SecretValue;
import dev.floe.gitops.webhook.event.Provider;
import java.util.List;
import java.util.Optional;

/**
 * Everything that differs between git hosts, and nothing else: which media types they send, how
 * they name the repository (read before verification, bounded), how they sign, where the delivery
 * id is, and how their events map to {@link ParsedEvent}. Stateless and thread-safe.
 */
public interface ProviderAdapter {

  Provider provider();

  /** Accepted request media types (anything else is 415). */
  List<String> mediaTypes();

  /** The bounded pre-verification read of the names that select the secret. */
  Subject subject(WebhookRequest request);

  /** The signature or token the request presents, without checking it. */
  SignatureHeader signature(WebhookRequest request);

  /** Checks a presented signature against one candidate secret, over the raw body. */
  boolean verify(WebhookRequest request, SignatureHeader.Present presented, SecretValue secret);

  /** Name of the delivery-id header, for the 400 message. */
  String deliveryHeader();

  /** The host's delivery id, if the request carries one. */
  Optional<String> deliveryId(WebhookRequest request);

  /** The event, read after verification; never throws for bad input (Malformed instead). */
  ParsedEvent parse(WebhookRequest request);
}
