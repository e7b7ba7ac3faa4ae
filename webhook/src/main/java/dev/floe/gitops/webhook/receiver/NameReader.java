package dev.floe.gitops.webhook.receiver;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The one thing read from a body before its signature is checked: the repository (and
 * organisation) name that selects the secret. A streaming parse that looks only at two-level
 * paths such as {@code repository.full_name}, skips everything else without building it, and stops
 * as soon as both names are found. Nesting, name and string sizes are bounded by {@link
 * JsonLimits}; a name that is not a string or too long is no name, which can only lead to a 401
 * or to an organisation secret. A body that breaks (not JSON, a duplicate key) keeps the names
 * read before the break.
 */
final class NameReader {

  /** Longer names are not names of any host (GitLab's 255-character path limit and then some). */
  static final int MAX_NAME_LENGTH = 512;

  private final String repositoryObject;
  private final String repositoryField;
  private final String organizationObject;
  private final String organizationField;
  private final JsonFactory factory = JsonLimits.factory();

  /**
   * @param organizationObject top-level object holding the organisation's name, or null when the
   *     provider has none (the repository's owner is used)
   */
  NameReader(String repositoryObject, String repositoryField, String organizationObject,
      String organizationField) {
    this.repositoryObject = repositoryObject;
    this.repositoryField = repositoryField;
    this.organizationObject = organizationObject;
    this.organizationField = organizationField;
  }

  Subject read(byte[] json) {
    String repository = null;
    String organization = null;
    try (JsonParser p = factory.createParser(ObjectReadContext.empty(), json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Subject.NONE;
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        boolean wantRepository = repository == null && name.equals(repositoryObject);
        boolean wantOrganization = organization == null && organizationObject != null
            && name.equals(organizationObject);
        if (value == JsonToken.START_OBJECT && (wantRepository || wantOrganization)) {
          String found = readField(p, wantRepository ? repositoryField : organizationField);
          if (wantRepository) {
            repository = found;
          } else {
            organization = found;
          }
          if (repository != null && (organization != null || organizationObject == null)) {
            break; // enough: the rest of the body is not looked at before verification
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (JacksonException | IllegalArgumentException e) {
      // Keep what was read before the break: the verified parse fails on it anyway (400), and
      // the break may lie after the name (a truncated body signed as is).
      return new Subject(Optional.ofNullable(repository), Optional.ofNullable(organization));
    }
    return new Subject(Optional.ofNullable(repository), Optional.ofNullable(organization));
  }

  /** Inside an object: the string value of {@code field}, else null; leaves the object consumed. */
  private static String readField(JsonParser p, String field) {
    String found = null;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (found == null && name.equals(field) && value == JsonToken.VALUE_STRING) {
        String text = p.getString();
        if (!text.isBlank() && text.length() <= MAX_NAME_LENGTH) {
          found = text;
        }
      } else {
        p.skipChildren();
      }
    }
    return found;
  }
}
