package dev.localgpt.adapter.providers.session;

import dev.localgpt.ports.session.SessionEntry;
import dev.localgpt.ports.session.SessionException;
import dev.localgpt.ports.session.SessionInfo;
import dev.localgpt.ports.session.SessionStore;
import dev.localgpt.ports.session.SessionTranscript;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Sessions as pi/OpenClaw JSONL files {@code <dir>/<uuid>.jsonl} (directory 0700, files 0600). Each
 * entry is written as one line and forced to disk before {@link #append} returns; a line torn by a
 * crash is ignored on read and cut off before the next append. The file's modification time is set
 * to the last entry's time. Lines that cannot be read are skipped and reported once per read as
 * {@link SessionTranscript#warning()}; the file is never rewritten.
 *
 * <p>Thread-safe, and safe for several processes sharing one session: each append locks the file,
 * takes in lines other processes appended, and writes at the real end of the file, so nobody's
 * turns are lost.
 */
public final class JsonlSessionStore implements SessionStore {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
  private static final String SUFFIX = ".jsonl";

  private final Path dir;
  private final Clock clock;
  private final String cwd;
  private final PiJsonCodec codec = new PiJsonCodec();
  private final SessionSummaries summaries = new SessionSummaries(codec);
  private final Map<String, Transcript> open = new ConcurrentHashMap<>();

  /**
   * @param sessionsDir where the files live; created (0700) if missing
   * @param clock the time of {@link #create}
   * @param cwd the working directory recorded in each header (pi's {@code cwd})
   */
  public JsonlSessionStore(Path sessionsDir, Clock clock, String cwd) {
    this.dir = sessionsDir.toAbsolutePath().normalize();
    this.clock = clock;
    this.cwd = cwd;
    try {
      TranscriptFile.createDirectory(dir);
    } catch (IOException e) {
      throw new SessionException(
          "cannot create the sessions directory " + dir + ": " + e.getMessage(), e);
    }
  }

  public JsonlSessionStore(Path sessionsDir, Clock clock) {
    this(sessionsDir, clock, System.getProperty("user.dir", ""));
  }

  @Override
  public SessionInfo create() {
    String id = UUID.randomUUID().toString();
    Instant now = clock.instant();
    Path file = fileOf(id);
    try {
      TranscriptFile.create(file, codec.header(id, now, cwd));
      Files.setLastModifiedTime(file, FileTime.from(now));
    } catch (IOException e) {
      throw new SessionException("cannot create session file " + file + ": " + e.getMessage(), e);
    }
    return new SessionInfo(id, now, now, "", 0);
  }

  @Override
  public void append(String sessionId, SessionEntry entry) {
    Path file = existing(sessionId);
    Transcript transcript = open.computeIfAbsent(sessionId, id -> new Transcript(codec));
    synchronized (transcript) {
      try {
        TranscriptFile.locked(
            file,
            channel -> {
              catchUp(transcript, channel);
              TranscriptFile.dropTornTail(channel, transcript.completeEnd);
              String id = transcript.newId();
              String firstKept =
                  entry instanceof SessionEntry.Compaction c
                      ? transcript.firstKeptId(c.keptMessages())
                      : null;
              String line = codec.entry(entry, id, transcript.lastId, firstKept);
              transcript.appended(
                  id, entry, TranscriptFile.write(channel, transcript.completeEnd, line));
              return null;
            });
        Files.setLastModifiedTime(file, FileTime.from(entry.at()));
      } catch (IOException e) {
        open.remove(sessionId);
        throw new SessionException(
            "cannot append to session file " + file + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public List<SessionEntry> read(String sessionId) {
    return transcript(sessionId).entries();
  }

  @Override
  public SessionTranscript transcript(String sessionId) {
    Path file = existing(sessionId);
    Transcript transcript = open.computeIfAbsent(sessionId, id -> new Transcript(codec));
    synchronized (transcript) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        catchUp(transcript, channel);
      } catch (IOException e) {
        throw new SessionException("cannot read session file " + file + ": " + e.getMessage(), e);
      }
      return new SessionTranscript(
          transcript.entries, SkippedLines.warning(sessionId, file, transcript.badLines));
    }
  }

  /**
   * Takes in what was appended since the last look, by this process or another; starts over if the
   * file shrank.
   */
  private static void catchUp(Transcript transcript, FileChannel channel) throws IOException {
    if (!TranscriptFile.endsLineAt(channel, transcript.completeEnd)) {
      transcript.reset();
    }
    transcript.take(TranscriptFile.read(channel, transcript.completeEnd));
  }

  @Override
  public Optional<SessionInfo> find(String idOrPrefix) {
    if (idOrPrefix == null || !ID.matcher(idOrPrefix).matches()) {
      throw new SessionException(
          "invalid session id '"
              + idOrPrefix
              + "': use letters, digits, '-' or '_' (see 'sessions list')");
    }
    if (Files.isRegularFile(fileOf(idOrPrefix))) {
      return Optional.ofNullable(info(idOrPrefix));
    }
    List<String> matches = ids().stream().filter(id -> id.startsWith(idOrPrefix)).sorted().toList();
    if (matches.size() > 1) {
      throw new SessionException(
          "session prefix '"
              + idOrPrefix
              + "' is ambiguous: it matches "
              + matches
              + "; give more characters");
    }
    return matches.stream().findFirst().map(this::info);
  }

  @Override
  public List<SessionInfo> list() {
    List<SessionInfo> infos = new ArrayList<>();
    for (String id : ids()) {
      SessionInfo info = info(id);
      if (info != null) {
        infos.add(info);
      }
    }
    infos.sort(
        Comparator.comparing(SessionInfo::updatedAt)
            .thenComparing(SessionInfo::createdAt)
            .reversed());
    return infos;
  }

  /** The file of a session (it may not exist). */
  public Path fileOf(String sessionId) {
    return dir.resolve(sessionId + SUFFIX);
  }

  private SessionInfo info(String id) {
    try {
      return summaries.info(id, fileOf(id));
    } catch (IOException e) {
      throw new SessionException(
          "cannot read session file " + fileOf(id) + ": " + e.getMessage(), e);
    }
  }

  private List<String> ids() {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(path -> path.getFileName().toString())
          .filter(name -> name.endsWith(SUFFIX))
          .map(name -> name.substring(0, name.length() - SUFFIX.length()))
          .filter(id -> ID.matcher(id).matches())
          .toList();
    } catch (IOException e) {
      throw new SessionException(
          "cannot list the sessions directory " + dir + ": " + e.getMessage(), e);
    }
  }

  private Path existing(String sessionId) {
    if (sessionId == null
        || !ID.matcher(sessionId).matches()
        || !Files.isRegularFile(fileOf(sessionId))) {
      throw new SessionException(
          "no session '" + sessionId + "' in " + dir + ": list them with 'sessions list'");
    }
    return fileOf(sessionId);
  }
}
