# Bash completion for bgtransfer: its commands, each command's options, folders and files where an
# option takes one, and the ids of the stored transfers where a command takes ids (only when the
# daemon of the state folder runs, so that pressing Tab never starts one). Load it with
#
#   source <(./bgtransfer completion)
#
# (for example in ~/.bashrc, with the launcher's path); it completes `bgtransfer` by any path.

_bgtransfer_options() { # COMMAND: the options it takes, as CommandLineParser knows them
  case $1 in
    get) echo --dir --state --max-per-host --timeout --retries --sha256 --user --quiet --wait-for-space \
      --only-resumable --input-file -i --limit-rate --no-daemon ;;
    put | upload) echo --method --resume --no-resume --state --max-per-host --timeout --retries --user --quiet \
      --limit-rate --no-daemon ;;
    list) echo --state --json --no-daemon ;;
    log) echo --state --json --no-daemon ;;
    resume) echo --state --quiet --no-daemon ;;
    wait) echo --state --quiet --no-daemon ;;
    pause | start | stop) echo --state --no-daemon ;;
    limit) echo --state --host --session --no-daemon ;;
    remove) echo --state --delete-file --no-daemon ;;
    change-url) echo --state --no-daemon ;;
    serve) echo --state --idle-exit ;;
    daemon) echo --state ;;
    samples) echo --port --rate --user ;;
  esac
}

_bgtransfer_ids() { # LAUNCHER STATE: the ids the daemon of STATE holds, when it runs
  [[ -S $2/.service/socket ]] || return 0
  "$1" list --state "$2" 2> /dev/null | cut -f1 | grep -E '^[0-9]+$'
}

_bgtransfer() {
  local current=${COMP_WORDS[COMP_CWORD]} previous=${COMP_WORDS[COMP_CWORD - 1]} command=${COMP_WORDS[1]:-}
  COMPREPLY=()
  # bash splits --option=value at the "=" (COMP_WORDBREAKS): the option is then the word before it
  [[ $previous == = ]] && previous=${COMP_WORDS[COMP_CWORD - 2]}
  if ((COMP_CWORD == 1)); then
    mapfile -t COMPREPLY < <(compgen -W "get put upload list log resume wait pause start stop remove change-url
      limit daemon serve samples help" -- "$current")
    return
  fi
  case $previous in
    --dir | --state)
      mapfile -t COMPREPLY < <(compgen -d -- "$current")
      return ;;
    -i | --input-file)
      mapfile -t COMPREPLY < <(compgen -f -- "$current")
      return ;;
    --method)
      mapfile -t COMPREPLY < <(compgen -W "PUT POST" -- "$current")
      return ;;
    --max-per-host | --timeout | --retries | --sha256 | --user | --wait-for-space | --idle-exit | --port | --rate \
      | --limit-rate | --host | --session)
      return ;; # a value of the person's own
  esac
  if [[ $current == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(_bgtransfer_options "$command")" -- "$current")
    return
  fi
  case $command in
    daemon) ((COMP_CWORD == 2)) && mapfile -t COMPREPLY < <(compgen -W "status stop" -- "$current") ;;
    put | upload) mapfile -t COMPREPLY < <(compgen -f -- "$current") ;;
    log | wait | pause | start | stop | remove | change-url | limit) # limit: the ids, then a rate of the person's own
      # change-url: the id first, then a URL of the person's own
      [[ $command == change-url ]] && ((COMP_CWORD > 2)) && [[ ${COMP_WORDS[COMP_CWORD - 1]} != -* ]] && return
      local state=${XDG_STATE_HOME:-$HOME/.local/state}/bgtransfer i
      for ((i = 2; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
          --state=*) state=${COMP_WORDS[i]#--state=} ;; # where COMP_WORDBREAKS holds no "="
          --state)
            state=${COMP_WORDS[i + 1]:-}
            [[ $state == = ]] && state=${COMP_WORDS[i + 2]:-} ;;
        esac
      done
      mapfile -t COMPREPLY < <(compgen -W "$(_bgtransfer_ids "${COMP_WORDS[0]}" "$state")" -- "$current") ;;
  esac
}

complete -F _bgtransfer bgtransfer
