#!/usr/bin/env escript
%% -*- erlang -*-
%%! -noshell
%%
%% erl_check: independent BER/DER oracle built on Erlang/OTP asn1.
%%
%% Usage: escript tests/oracle/erl_check.escript [--print] BEAMDIR FILE...
%%
%% BEAMDIR holds WCHG-PCSCFRecord.beam and WCHG-WebRTCChargingInfo.beam,
%% compiled with erlc -bber +der +maps.  Each FILE holds one or more
%% concatenated IMSRecord encodings.  Each record must decode, and encoding
%% the decoded value (DER) must give back exactly the input bytes.  A
%% recordExtensions entry whose identifier is id-wchg-webrtc-charging-info
%% must decode as WebRTCChargingInfo and re-encode identically too.
%%
%% Prints one line per failing record, then
%%     erlang-asn1-check: N records, M identical
%% and exits 1 on any failure.  --print prints the decoded terms.
%%
%% SPDX-License-Identifier: BSD-2-Clause

-mode(compile).

-define(CDR, 'WCHG-PCSCFRecord').
-define(EXT, 'WCHG-WebRTCChargingInfo').

main(Args0) ->
    Print = lists:member("--print", Args0),
    case [A || A <- Args0, A =/= "--print"] of
        [BeamDir | Files] when Files =/= [] ->
            true = code:add_patha(BeamDir),
            run(Files, Print);
        _ ->
            io:format(standard_error,
                      "usage: erl_check.escript [--print] BEAMDIR FILE...~n",
                      []),
            halt(2)
    end.

run(Files, Print) ->
    case {code:ensure_loaded(?CDR), code:ensure_loaded(?EXT)} of
        {{module, _}, {module, _}} -> ok;
        Other ->
            io:format("erl_check: cannot load the compiled modules: ~p~n",
                      [Other]),
            halt(2)
    end,
    Oid = ?EXT:'id-wchg-webrtc-charging-info'(),
    {Recs, Same, Exts, Bad} =
        lists:foldl(fun(F, Acc) -> check_file(F, Oid, Print, Acc) end,
                    {0, 0, 0, 0}, Files),
    io:format("erlang-asn1-check: ~b WebRTC extensions decoded~n", [Exts]),
    io:format("erlang-asn1-check: ~b records, ~b identical~n", [Recs, Same]),
    case Bad =:= 0 andalso Recs =:= Same of
        true -> halt(0);
        false -> halt(1)
    end.

check_file(File, Oid, Print, {Recs, Same, Exts, Bad}) ->
    case file:read_file(File) of
        {ok, <<>>} ->
            io:format("~s: empty file~n", [File]),
            {Recs, Same, Exts, Bad + 1};
        {ok, Bin} ->
            check_records(File, Bin, 0, 0, Oid, Print, {Recs, Same, Exts, Bad});
        {error, Why} ->
            io:format("~s: cannot read: ~s~n", [File, file:format_error(Why)]),
            {Recs, Same, Exts, Bad + 1}
    end.

check_records(_File, <<>>, _Idx, _Off, _Oid, _Print, Acc) ->
    Acc;
check_records(File, Bin, Idx, Off, Oid, Print, {Recs, Same, Exts, Bad}) ->
    case tlv_length(Bin) of
        {ok, Len} ->
            <<Rec:Len/binary, Rest/binary>> = Bin,
            case check_record(Rec, Oid, Print) of
                {ok, N} ->
                    check_records(File, Rest, Idx + 1, Off + Len, Oid, Print,
                                  {Recs + 1, Same + 1, Exts + N, Bad});
                {error, Why} ->
                    report(File, Idx, Off, Why),
                    check_records(File, Rest, Idx + 1, Off + Len, Oid, Print,
                                  {Recs + 1, Same, Exts, Bad + 1})
            end;
        {error, Why} ->
            %% Without a length we cannot find the next record.
            report(File, Idx, Off, Why),
            {Recs + 1, Same, Exts, Bad + 1}
    end.

report(File, Idx, Off, Why) ->
    io:format("~s: record ~b at offset ~b: ~s~n", [File, Idx, Off, Why]).

%% Decode, print, re-encode and compare one record, then its extensions.
check_record(Rec, Oid, Print) ->
    case roundtrip(?CDR, 'IMSRecord', Rec) of
        {ok, Value} ->
            Print andalso io:format("~p~n", [Value]),
            check_extensions(Value, Oid, Print);
        Error ->
            Error
    end.

roundtrip(Mod, Type, Bin) ->
    try Mod:decode(Type, Bin) of
        {ok, Value} ->
            case Mod:encode(Type, Value) of
                {ok, Bin} ->
                    {ok, Value};
                {ok, Other} ->
                    {error, io_lib:format("~s: DER re-encoding differs at byte"
                                          " ~b of the value (input ~b bytes,"
                                          " output ~b bytes)",
                                          [Type, first_diff(Bin, Other, 0),
                                           byte_size(Bin), byte_size(Other)])};
                {error, Why} ->
                    {error, io_lib:format("~s: encode failed: ~0p",
                                          [Type, Why])}
            end;
        {error, Why} ->
            {error, io_lib:format("~s: decode failed: ~0p",
                                  [Type, strip_stack(Why)])}
    catch
        Class:Why ->
            {error, io_lib:format("~s: ~p:~0p", [Type, Class, Why])}
    end.

strip_stack({asn1, {Reason, Stack}}) when is_list(Stack) -> {asn1, Reason};
strip_stack(Why) -> Why.

check_extensions({pCSCFRecord, #{recordExtensions := Exts}}, Oid, Print) ->
    Ours = [Info || #{identifier := Id, information := Info} <- Exts,
                    Id =:= Oid],
    check_ours(Ours, Print, 0);
check_extensions(_Value, _Oid, _Print) ->
    {ok, 0}.

check_ours([], _Print, N) ->
    {ok, N};
check_ours([Info | More], Print, N) ->
    case roundtrip(?EXT, 'WebRTCChargingInfo', Info) of
        {ok, Value} ->
            Print andalso io:format("~p~n", [Value]),
            check_ours(More, Print, N + 1);
        Error ->
            Error
    end.

first_diff(<<C, A/binary>>, <<C, B/binary>>, I) -> first_diff(A, B, I + 1);
first_diff(_, _, I) -> I.

%% Total length (identifier + length + contents) of the BER TLV at the
%% start of the binary, for definite and indefinite lengths.
tlv_length(Bin) ->
    try tlv(Bin) of
        Len -> {ok, Len}
    catch
        throw:Why -> {error, Why}
    end.

tlv(Bin) ->
    {Constructed, IdLen} = identifier(Bin),
    <<_:IdLen/binary, AfterId/binary>> = Bin,
    case AfterId of
        <<0:1, L:7, _/binary>> ->
            need(AfterId, 1 + L),
            IdLen + 1 + L;
        <<1:1, 0:7, Contents/binary>> when Constructed ->
            IdLen + 1 + eoc(Contents, 0);
        <<1:1, 0:7, _/binary>> ->
            throw("indefinite length on a primitive encoding");
        <<1:1, N:7, Rest/binary>> when N =< 8 ->
            need(Rest, N),
            <<L:N/unit:8, _/binary>> = Rest,
            need(Rest, N + L),
            IdLen + 1 + N + L;
        <<1:1, _:7, _/binary>> ->
            throw("length of length too large");
        <<>> ->
            throw("truncated: no length octet")
    end.

%% Length of indefinite-length contents including the end-of-contents.
eoc(<<0, 0, _/binary>>, Acc) ->
    Acc + 2;
eoc(<<>>, _Acc) ->
    throw("truncated: no end-of-contents");
eoc(Bin, Acc) ->
    L = tlv(Bin),
    <<_:L/binary, Rest/binary>> = Bin,
    eoc(Rest, Acc + L).

identifier(<<_:2, C:1, 31:5, Rest/binary>>) ->
    {C =:= 1, 1 + tag_octets(Rest, 1)};
identifier(<<_:2, C:1, _:5, _/binary>>) ->
    {C =:= 1, 1};
identifier(<<>>) ->
    throw("truncated: no identifier").

tag_octets(<<1:1, _:7, Rest/binary>>, N) -> tag_octets(Rest, N + 1);
tag_octets(<<0:1, _:7, _/binary>>, N) -> N;
tag_octets(<<>>, _N) -> throw("truncated identifier").

need(Bin, N) when byte_size(Bin) >= N -> ok;
need(_Bin, _N) -> throw("truncated: value runs past the end of the file").
